import Foundation
import SWXMLHash
import SyncModel
import ZIPFoundation

/// An XLSX workbook opened for reading: its sheets in workbook order, each read on demand.
///
/// Sheets are found through `xl/workbook.xml` and its relationships, not by file name; cell text is
/// taken from shared strings (`t="s"`), inline strings (`t="inlineStr"`) and cached formula results
/// (`t="str"`), so workbooks from Excel, LibreOffice and generators such as openpyxl read alike.
public final class Workbook {
    /// The largest uncompressed part the reader accepts (about a million rows of a few short cells), against ZIP bombs.
    public static let partSizeLimit: UInt64 = 200_000_000

    /// The names of the worksheets, in the order of the workbook's tabs.
    public let sheetNames: [String]

    private let archive: Archive
    private let sheetParts: [String: String]
    private let sharedStrings: [String]

    /// Opens a workbook from the bytes of an `.xlsx` file.
    ///
    /// The bytes are read through a temporary owner-only file that is removed at once (the open handle keeps
    /// it readable): ZIPFoundation's in-memory archive traps on damaged offsets, its file archive does not.
    public init(data: Data) throws(WorkbookError) {
        let archive: Archive
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quartiersync-\(UUID().uuidString).xlsx")
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw WorkbookError("noTemporaryFile")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw WorkbookError.notAWorkbook
        }
        guard archive.makeIterator().next() != nil else { throw WorkbookError.notAWorkbook }
        self.archive = archive
        let workbookPart = try Workbook.officeDocumentPart(in: archive)
        let relationships = try Workbook.relationships(of: workbookPart, in: archive)
        let root = try Workbook.parse(part: workbookPart, in: archive)
        var names: [String] = []
        var parts: [String: String] = [:]
        for sheet in root.children(named: "sheets").flatMap({ $0.children(named: "sheet") }) {
            guard let name = sheet.attribute(named: "name"), let id = sheet.attribute(namespaced: "id"),
                let target = relationships[id]?.target
            else { continue }
            names.append(name)
            parts[name] = target
        }
        sheetNames = names
        sheetParts = parts
        if let sharedPart = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target,
            archive[sharedPart] != nil
        {
            sharedStrings = try Workbook.items(
                "si", in: "sst", part: sharedPart, archive: archive, transform: Workbook.stringItemText)
        } else {
            sharedStrings = []
        }
    }

    /// The sheet name spelled like `name` in any case (`SURVEY` for `survey`), if the workbook has one.
    public func sheetName(matching name: String) -> String? {
        sheetNames.first { $0.trimmingCharacters(in: .whitespaces).lowercased() == name.lowercased() }
    }

    /// The rows of sheet `name` that hold at least one cell, in file order.
    public func rows(ofSheet name: String) throws(WorkbookError) -> [SheetRow] {
        guard let part = sheetParts[name] else {
            throw WorkbookError("noSheet", ["name": .verbatim(name), "sheets": .verbatim(sheetNames.joined(separator: ", "))])
        }
        guard archive[part] != nil else {
            throw WorkbookError.damaged(part, "sheetMissing", ["name": .verbatim(name)])
        }
        var lastRow = 0
        let rows = try Workbook.items("row", in: "sheetData", part: part, archive: archive) { row -> SheetRow? in
            let number = row.attribute(named: "r").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? lastRow + 1
            lastRow = number
            var cells: [Int: CellValue] = [:]
            var lastColumn = -1
            for cell in row.children(named: "c") {
                let column = cell.attribute(named: "r").flatMap { CellReference.parse($0)?.column } ?? lastColumn + 1
                lastColumn = column
                if let value = cellValue(cell) { cells[column] = value }
            }
            return cells.isEmpty ? nil : SheetRow(number: number, cells: cells)
        }.compactMap { $0 }
        return rows
    }

    private func cellValue(_ cell: XMLHashXMLElement) -> CellValue? {
        let raw = cell.children(named: "v").first?.text
        switch cell.attribute(named: "t") ?? "n" {
        case "s":
            guard let raw, let index = Int(raw.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index)
            else { return nil }
            return .text(sharedStrings[index])
        case "inlineStr":
            guard let item = cell.children(named: "is").first else { return raw.map(CellValue.text) }
            return .text(Workbook.stringItemText(item))
        case "str":
            return raw.map(CellValue.text)
        case "b":
            return raw.map { .boolean($0.trimmingCharacters(in: .whitespaces) == "1") }
        case "e":
            return raw.map(CellValue.error)
        case "d":
            return raw.map(CellValue.text)
        default:
            guard let raw, !raw.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return .number(raw)
        }
    }

    /// The text of a shared or inline string item: its `t`, or the `t` of each rich-text run (phonetic runs left out).
    private static func stringItemText(_ item: XMLHashXMLElement) -> String {
        var text = ""
        for child in item.childElements {
            switch child.localName {
            case "t": text += child.text
            case "r": text += child.children(named: "t").map(\.text).joined()
            default: continue
            }
        }
        return text
    }

    // MARK: Parts

    /// A relationship: its type URI and the absolute part path it points to.
    private struct Relationship {
        var type: String
        var target: String
    }

    /// The main workbook part named by the package relationships (normally `xl/workbook.xml`).
    private static func officeDocumentPart(in archive: Archive) throws(WorkbookError) -> String {
        if archive["_rels/.rels"] != nil {
            let relationships = try relationships(in: "_rels/.rels", base: "", archive: archive)
            if let main = relationships.values.first(where: { $0.type.hasSuffix("/officeDocument") }),
                archive[main.target] != nil
            {
                return main.target
            }
        }
        guard archive["xl/workbook.xml"] != nil else {
            throw WorkbookError("noWorkbookPart")
        }
        return "xl/workbook.xml"
    }

    /// The relationships of `part`, by id.
    private static func relationships(of part: String, in archive: Archive) throws(WorkbookError) -> [String: Relationship] {
        let folder = part.split(separator: "/").dropLast().joined(separator: "/")
        let file = part.split(separator: "/").last.map(String.init) ?? part
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard archive[relsPart] != nil else {
            throw WorkbookError.damaged(relsPart, "noSheetList")
        }
        return try relationships(in: relsPart, base: folder, archive: archive)
    }

    private static func relationships(
        in relsPart: String, base: String, archive: Archive
    ) throws(WorkbookError) -> [String: Relationship] {
        var result: [String: Relationship] = [:]
        for element in try parse(part: relsPart, in: archive).children(named: "Relationship") {
            guard let id = element.attribute(named: "Id"), let target = element.attribute(named: "Target") else { continue }
            if element.attribute(named: "TargetMode") == "External" { continue }
            result[id] = Relationship(type: element.attribute(named: "Type") ?? "", target: resolve(target, base: base))
        }
        return result
    }

    /// An absolute part path for a relationship target relative to `base` (`../` and a leading `/` understood).
    private static func resolve(_ target: String, base: String) -> String {
        var components = target.hasPrefix("/") ? [] : base.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    /// The root element of an XML part.
    private static func parse(part: String, in archive: Archive) throws(WorkbookError) -> XMLHashXMLElement {
        try parse(xml: extract(part: part, in: archive), part: part)
    }

    /// The elements named `item` inside `container` of a part (`row` in `sheetData`, `si` in `sst`), in order,
    /// each turned into an `Item` while its piece of the document is in memory.
    ///
    /// Foundation's XMLParser (libxml2) refuses documents of more than 10,000,000 bytes, so a large part is
    /// handed to the parser in pieces: each piece is the part's start up to the container's start tag, a run of
    /// whole items (cut after an `</item>` closing tag) and the closing tags; the parser reads every piece.
    private static func items<Item>(
        _ item: String, in container: String, part: String, archive: Archive, transform: (XMLHashXMLElement) -> Item
    ) throws(WorkbookError) -> [Item] {
        let data = try extract(part: part, in: archive)
        func children(of root: XMLHashXMLElement) -> [XMLHashXMLElement] {
            if root.localName == container { return root.children(named: item) }
            return root.children(named: container).flatMap { $0.children(named: item) }
        }
        guard data.count > pieceSize, let opening = data.range(of: Data("<\(container)".utf8)),
            let openingEnd = data[opening.upperBound...].firstIndex(of: UInt8(ascii: ">")),
            data[data.index(before: openingEnd)] != UInt8(ascii: "/"),
            let closing = data.range(of: Data("</\(container)>".utf8), options: .backwards)
        else {
            return children(of: try parse(xml: data, part: part)).map(transform)
        }
        let head = data[..<(openingEnd + 1)]
        let tail = Data("</\(container)>".utf8) + (container == "sst" ? Data() : Data("</worksheet>".utf8))
        let itemEnd = Data("</\(item)>".utf8)
        var result: [Item] = []
        var cursor = openingEnd + 1
        while cursor < closing.lowerBound {
            var cut = min(cursor + pieceSize, closing.lowerBound)
            if cut < closing.lowerBound {
                guard let end = data.range(of: itemEnd, options: .backwards, in: cursor..<cut) else {
                    throw WorkbookError.damaged(part, "elementTooLarge", ["size": .verbatim(String(pieceSize / 1_000_000))])
                }
                cut = end.upperBound
            }
            let piece = head + data[cursor..<cut] + tail
            result += children(of: try parse(xml: piece, part: part)).map(transform)
            cursor = cut
        }
        return result
    }

    /// How many bytes of items the parser gets at once; well below libxml2's 10,000,000-byte limit.
    static let pieceSize = 4_000_000

    /// The bytes of a part, refusing parts that unpack to more than `partSizeLimit`.
    private static func extract(part: String, in archive: Archive) throws(WorkbookError) -> Data {
        guard let entry = archive[part] else {
            throw WorkbookError.damaged(part, "partMissing")
        }
        guard entry.uncompressedSize <= partSizeLimit else {
            throw WorkbookError(
                "tooLarge",
                [
                    "part": .verbatim(part), "size": .verbatim(String(entry.uncompressedSize / 1_000_000)),
                    "limit": .verbatim(String(partSizeLimit / 1_000_000)),
                ])
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if UInt64(data.count) > partSizeLimit { throw WorkbookError.damaged(part, "overlong") }
            }
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError.damaged(part, "cannotUnpack")
        }
        return data
    }

    /// The root element of an XML document.
    ///
    /// The bytes must be UTF-8 (as every XLSX part is): Foundation's XMLParser on Linux traps on names and
    /// attribute values that are not, so such a part is refused before it reaches the parser.
    private static func parse(xml data: Data, part: String) throws(WorkbookError) -> XMLHashXMLElement {
        guard String(data: data, encoding: .utf8) != nil else {
            throw WorkbookError.damaged(part, "notUTF8")
        }
        let document = XMLHash.config { options in
            options.detectParsingErrors = true
        }.parse(data)
        if case .parsingError(let error) = document {
            throw WorkbookError.damaged(part, "badXML", ["line": .verbatim(String(error.line)), "column": .verbatim(String(error.column))])
        }
        guard let root = document.element?.childElements.first else {
            throw WorkbookError.damaged(part, "empty")
        }
        return root
    }
}
