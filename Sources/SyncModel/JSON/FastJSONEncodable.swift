/// A type with a hand-written JSON encoder whose output `JSONDecoder` reads back as the
/// value its `Encodable` conformance would give, with sorted keys.
public protocol FastJSONEncodable: Encodable {
    /// Appends the value's JSON.
    func writeJSON(to writer: inout JSONWriter) throws
}
