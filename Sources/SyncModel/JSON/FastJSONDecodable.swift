/// A type with a hand-written JSON decoder that agrees with its `Decodable` conformance on
/// every input it accepts; ``FastJSON`` falls back to `JSONDecoder` for the rest.
public protocol FastJSONDecodable: Decodable {
    /// Reads one value at the scanner's position, or throws ``JSONScanner/Mismatch``.
    init(json scanner: inout JSONScanner) throws
}

extension JSONScanner {
    /// Reads an array whose elements are all `Element`.
    mutating func readArray<Element: FastJSONDecodable>(of type: Element.Type) throws -> [Element] {
        var elements: [Element] = []
        try readArray { elements.append(try Element(json: &$0)) }
        return elements
    }
}
