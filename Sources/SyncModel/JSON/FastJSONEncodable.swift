/// A type with a hand-written JSON encoder whose output `JSONDecoder` reads back as the
/// value its `Encodable` conformance would give, with sorted keys.
public protocol FastJSONEncodable: Encodable {
    /// Appends the value's JSON.
    func writeJSON(to writer: inout JSONWriter) throws
}

extension JSONWriter {
    /// Appends `[…]` with the JSON of each element.
    mutating func writeArray(_ elements: [some FastJSONEncodable]) throws {
        write(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { write(UInt8(ascii: ",")) }
            try element.writeJSON(to: &self)
        }
        write(UInt8(ascii: "]"))
    }
}
