extension JSONScanner {
    /// A JSON number as Foundation's `JSONDecoder` gives it to ``FieldValue``: an integer when
    /// its value is whole and fits `Int64` (so `1.0` and `1e2` are integers), else a double.
    enum Number: Equatable {
        /// A whole number that fits `Int64`.
        case integer(Int64)
        /// Any other finite number.
        case decimal(Double)
    }

    /// Reads a number following JSON's grammar exactly.
    mutating func readNumber() throws -> Number {
        _ = try peek()
        let start = index
        var isWhole = true
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw mismatch() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard try skipDigits() > 0 else { throw mismatch() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            isWhole = false
            guard try skipDigits() > 0 else { throw mismatch() }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            isWhole = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard try skipDigits() > 0 else { throw mismatch() }
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        if isWhole, text.count <= 18 {
            var value: Int64 = 0
            var negative = false
            for byte in text {
                if byte == UInt8(ascii: "-") {
                    negative = true
                } else {
                    value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                }
            }
            return .integer(negative ? -value : value)
        }
        let string = String(decoding: text, as: UTF8.self)
        if isWhole, let value = Int64(string) { return .integer(value) }
        guard let value = Double(string), value.isFinite else { throw mismatch() }
        if !isWhole {
            // Foundation turns whole values into integers. From 2^53, where doubles stop
            // being exact, up to 2^64 its exact rule is not worth copying: those rare numbers
            // take the fallback. Beyond 2^64 no number fits Int64.
            if value.magnitude >= 0x1p64 { return .decimal(value) }
            if value.magnitude >= 0x1p53 { throw mismatch() }
            if let whole = Int64(exactly: value) { return .integer(whole) }
        }
        return .decimal(value)
    }

    /// Reads a number that must be a whole `Int64`.
    mutating func readInt64() throws -> Int64 {
        guard case .integer(let value) = try readNumber() else { throw mismatch() }
        return value
    }

    /// Reads a number that must be a whole, non-negative `UInt64` within `Int64`'s range.
    mutating func readUInt64() throws -> UInt64 {
        let value = try readInt64()
        guard value >= 0 else { throw mismatch() }
        return UInt64(value)
    }

    /// Skips decimal digits and returns how many there were.
    private mutating func skipDigits() throws -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
        return index - start
    }
}
