extension JSONScanner {
    /// Reads and discards any JSON value (members the decoders do not know are ignored, as
    /// Foundation's `JSONDecoder` ignores them).
    mutating func skipValue() throws {
        switch try peek() {
        case UInt8(ascii: "{"): try readObject { scanner, _ in try scanner.skipValue() }
        case UInt8(ascii: "["): try readArray { try $0.skipValue() }
        case UInt8(ascii: "\""): _ = try readString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try readBool()
        case UInt8(ascii: "n"): guard try consumeNull() else { throw mismatch() }
        default: _ = try readNumber()
        }
    }
}
