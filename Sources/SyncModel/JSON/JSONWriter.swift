import Foundation

/// Appends JSON to a byte buffer for the fast encoders of the sync types.
///
/// Strings are escaped as Foundation's `JSONEncoder` escapes them with
/// `.withoutEscapingSlashes`; numbers are written so that `JSONDecoder` reads back what it
/// would read from `JSONEncoder`'s output.
public struct JSONWriter {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8]

    /// Creates an empty writer with room for `capacity` bytes.
    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The JSON encoding of a value that is not a number or string failed.
    public struct InvalidValue: Error, CustomStringConvertible {
        /// What could not be written.
        public var description: String
    }

    /// Appends bytes that are already JSON (or punctuation).
    @inline(__always)
    mutating func writeRaw(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends one byte of punctuation.
    @inline(__always)
    mutating func write(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends JSON produced elsewhere, e.g. a stored record state.
    public mutating func writeJSON(_ json: some Collection<UInt8>) {
        bytes.append(contentsOf: json)
    }

    /// Appends `"key":`; the key must not need escaping.
    @inline(__always)
    mutating func writeKey(_ key: StaticString) {
        write(UInt8(ascii: "\""))
        writeRaw(key)
        writeRaw("\":")
    }

    /// Appends a string with JSON escapes.
    public mutating func writeString(_ string: String) {
        write(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for (offset, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                if runStart < offset { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<offset])) }
                switch byte {
                case 0x22: writeRaw("\\\"")
                case 0x5C: writeRaw("\\\\")
                case 0x0A: writeRaw("\\n")
                case 0x0D: writeRaw("\\r")
                case 0x09: writeRaw("\\t")
                case 0x08: writeRaw("\\b")
                case 0x0C: writeRaw("\\f")
                default:
                    writeRaw("\\u00")
                    write(Self.hexDigits[Int(byte >> 4)])
                    write(Self.hexDigits[Int(byte & 0xF)])
                }
                runStart = offset + 1
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        write(UInt8(ascii: "\""))
    }

    /// Appends a whole number.
    public mutating func writeInteger(_ value: Int64) {
        if value < 0 {
            write(UInt8(ascii: "-"))
            writeUnsigned(value.magnitude)
        } else {
            writeUnsigned(UInt64(value))
        }
    }

    /// Appends a non-negative whole number.
    public mutating func writeUnsigned(_ value: UInt64) {
        if value < 10 {
            write(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        rest = value
        for position in stride(from: start + count - 1, through: start, by: -1) {
            bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    /// Appends a finite double in its shortest form that reads back exactly; throws for NaN and infinity.
    public mutating func writeDouble(_ value: Double) throws {
        guard value.isFinite else { throw InvalidValue(description: "\(value) is not a JSON number.") }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends a UUID as `JSONEncoder` does: its upper-case string (written digit by digit;
    /// `uuidString` formats with `snprintf`).
    mutating func writeUUID(_ uuid: UUID) {
        write(UInt8(ascii: "\""))
        withUnsafeBytes(of: uuid.uuid) { parts in
            for (index, byte) in parts.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { write(UInt8(ascii: "-")) }
                write(Self.upperHexDigits[Int(byte >> 4)])
                write(Self.upperHexDigits[Int(byte & 0xF)])
            }
        }
        write(UInt8(ascii: "\""))
    }

    /// Upper-case hexadecimal digits.
    private static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends the 32 lower-case hexadecimal digits of a replica id, without quotes.
    mutating func writeReplicaDigits(_ replica: ReplicaID) {
        for part in [replica.high, replica.low] {
            var shift: UInt64 = 60
            for _ in 0..<16 {
                write(Self.hexDigits[Int((part >> shift) & 0xF)])
                shift &-= 4
            }
        }
    }

    /// Lower-case hexadecimal digits.
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
