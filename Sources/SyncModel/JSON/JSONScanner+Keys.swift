extension UnsafeRawBufferPointer {
    /// Whether these bytes are exactly the UTF-8 of `literal`; used to match JSON keys.
    @inline(__always)
    func equals(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard self.count == count else { return false }
        for offset in 0..<count where self[offset] != literal.utf8Start[offset] { return false }
        return true
    }
}

extension JSONScanner {
    /// Reads a string key of a dictionary (escapes allowed) as a `String`.
    mutating func readKey(_ raw: UnsafeRawBufferPointer) throws -> String {
        for byte in raw where byte >= 0x80 {
            guard let text = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) else {
                throw mismatch()
            }
            return text
        }
        return String(decoding: raw, as: UTF8.self)
    }
}
