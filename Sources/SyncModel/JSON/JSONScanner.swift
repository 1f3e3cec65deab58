/// A strict, allocation-light reader of JSON bytes for the fast decoders of the sync types.
///
/// It reads only what those decoders expect. Whenever it meets anything else (invalid JSON, an
/// escape in a key, a duplicate key, a number out of range, deep nesting) it throws
/// ``JSONScanner/Mismatch``, and ``FastJSON`` decodes the same bytes again with Foundation's
/// `JSONDecoder`, which gives the result or the error the API has always given. The scanner
/// never has to explain an error; it only has to be right whenever it succeeds.
public struct JSONScanner {
    /// The scanner cannot read the input; `FastJSON` falls back to Foundation.
    public struct Mismatch: Error, Equatable {
        /// Where reading stopped.
        public var offset: Int
    }

    /// The deepest nesting of arrays and objects read before falling back.
    static let maximumDepth = 64

    /// The input.
    let bytes: UnsafeRawBufferPointer
    /// The next byte to read.
    var index: Int
    /// The current nesting of arrays and objects.
    private var depth = 0

    /// Creates a scanner over `bytes`, which must outlive it.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.index = 0
    }

    /// The error for the current position.
    func mismatch() -> Mismatch { Mismatch(offset: index) }

    /// Skips JSON whitespace.
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next byte after whitespace, not consumed.
    mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard index < bytes.count else { throw mismatch() }
        return bytes[index]
    }

    /// Consumes `byte` after whitespace, or throws.
    mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw mismatch() }
        index += 1
    }

    /// Throws unless only whitespace is left.
    mutating func finish() throws {
        skipWhitespace()
        guard index == bytes.count else { throw mismatch() }
    }

    /// Consumes `null` when it comes next and says so.
    mutating func consumeNull() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws -> Bool {
        switch try peek() {
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return true
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return false
        default: throw mismatch()
        }
    }

    /// Consumes the exact bytes of `literal`.
    private mutating func expectLiteral(_ literal: StaticString) throws {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw mismatch() }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            throw mismatch()
        }
        index += count
    }

    /// Reads an object, calling `member` with each key's raw bytes (no escapes allowed) and the
    /// scanner positioned at the member's value, which `member` must read.
    mutating func readObject(_ member: (inout JSONScanner, UnsafeRawBufferPointer) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        try enter()
        if try peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        while true {
            let key = try readRawString()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return
            default: throw mismatch()
            }
        }
    }

    /// Reads an array, calling `element` with the scanner positioned at each element.
    mutating func readArray(_ element: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        try enter()
        if try peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            try element(&self)
            switch try peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return
            default: throw mismatch()
            }
        }
    }

    /// Counts one more level of nesting, or throws when too deep.
    private mutating func enter() throws {
        depth += 1
        guard depth <= Self.maximumDepth else { throw mismatch() }
    }

    /// Reads a string without escapes and returns its raw bytes; used for keys and for
    /// identifiers, whose valid forms never need escapes.
    mutating func readRawString() throws -> UnsafeRawBufferPointer {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return slice
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { throw mismatch() }
            index += 1
        }
        throw mismatch()
    }

    /// Reads a string, decoding escapes; throws on invalid UTF-8 and lone surrogates.
    mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var isASCII = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return try Self.makeString(slice, isASCII: isASCII)
            }
            if byte == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            if byte < 0x20 { throw mismatch() }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        throw mismatch()
    }

    /// Continues ``readString()`` from the first backslash, collecting the decoded bytes.
    private mutating func readEscapedString(from start: Int) throws -> String {
        var decoded = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try decoded.withUnsafeBytes { try Self.makeString($0, isASCII: false) }
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw mismatch() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"): try appendUnicodeEscape(to: &decoded)
                default: throw mismatch()
                }
            default:
                guard byte >= 0x20 else { throw mismatch() }
                decoded.append(byte)
            }
        }
        throw mismatch()
    }

    /// Decodes `XXXX` after `\u` (and a following `\uXXXX` low surrogate) as UTF-8.
    private mutating func appendUnicodeEscape(to decoded: inout [UInt8]) throws {
        var scalar = try readHex4()
        if (0xD800...0xDBFF).contains(scalar) {
            guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw mismatch() }
            index += 2
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw mismatch() }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw mismatch()
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw mismatch() }
        decoded.append(contentsOf: String(Character(unicode)).utf8)
    }

    /// Reads four hexadecimal digits.
    private mutating func readHex4() throws -> UInt32 {
        guard bytes.count - index >= 4 else { throw mismatch() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexValue(bytes[index]) else { throw mismatch() }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The value of one hexadecimal digit, either case.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// A string from UTF-8 bytes; throws when they are not valid UTF-8.
    private static func makeString(_ utf8: UnsafeRawBufferPointer, isASCII: Bool) throws -> String {
        if isASCII { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw Mismatch(offset: -1)
        }
        return text
    }
}
