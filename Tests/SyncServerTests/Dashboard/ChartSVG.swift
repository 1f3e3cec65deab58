import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import SyncServer

/// A rendered chart's SVG, parsed: its elements with their attributes, in document order.
struct ChartSVG {
    /// One element.
    struct Element {
        /// The tag, e.g. `rect`.
        var name: String
        /// The attributes.
        var attributes: [String: String]
        /// The text directly inside it.
        var text: String

        /// A coordinate or length, without a `%` unit; nil when missing or not a number.
        func number(_ attribute: String) -> Double? {
            guard var value = attributes[attribute] else { return nil }
            if value.hasSuffix("%") { value.removeLast() }
            return Double(value)
        }
    }

    /// The attributes that hold numbers (with an optional `%`).
    static let numericAttributes: Set<String> = ["x", "y", "width", "height", "x1", "y1", "x2", "y2", "rx"]

    /// Every element, in document order.
    var elements: [Element]

    /// Parses `svg`, which must be well-formed XML.
    init(_ svg: String) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        guard parser.parse() else {
            throw ParseFailure(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")\n\(svg)")
        }
        elements = collector.elements
    }

    /// The elements with tag `name` (and class `className`, when given).
    func all(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
    }

    /// Whether `text` is a number as an SVG or CSS attribute takes it (optionally with `%`), written plainly:
    /// digits with an optional sign and fraction; no trailing dot, no exponent, no comma, no `nan`.
    static func isValidNumber(_ text: String) -> Bool {
        let value = text.hasSuffix("%") ? String(text.dropLast()) : text
        return value.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?/) != nil && value != "-0"
    }

    /// A parse failure, with the document.
    struct ParseFailure: Error, CustomStringConvertible {
        /// What went wrong.
        var description: String
    }

    /// Collects elements and their direct text.
    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elements.append(Element(name: name, attributes: attributes, text: ""))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }
}
