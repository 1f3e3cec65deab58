import Foundation

/// Reads the primitives of the stored binary form, checking every bound; it never traps on bad bytes.
struct StoredRecordReader {
    /// The bytes.
    private let buffer: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    private(set) var offset = 0

    /// Reads `buffer` from its start; use the reader only while the buffer is valid.
    init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
    }

    /// The number of bytes not yet read.
    var remaining: Int { buffer.count - offset }

    /// An error at the current offset.
    func failure(_ reason: StoredRecordDecodingError.Reason) -> StoredRecordDecodingError {
        StoredRecordDecodingError(reason, at: offset)
    }

    /// The next byte without reading it; nil at the end.
    func peek() -> UInt8? {
        offset < buffer.count ? buffer[offset] : nil
    }

    /// Reads one byte.
    mutating func byte() throws -> UInt8 {
        guard offset < buffer.count else { throw failure(.truncated) }
        defer { offset += 1 }
        return buffer[offset]
    }

    /// Reads an unsigned LEB128 varint of at most 64 bits.
    mutating func varint() throws -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < buffer.count else { throw failure(.truncated) }
            let byte = buffer[offset]
            offset += 1
            if shift == 63 && byte > 1 {
                throw StoredRecordDecodingError(.varintOverflow, at: start)
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// Reads a zigzag varint.
    mutating func zigzag() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads a count of items that each take at least `minimumSize` bytes, so that a corrupt
    /// count is caught before anything is allocated for it.
    mutating func count(minimumSize: Int) throws -> Int {
        let start = offset
        let value = try varint()
        guard value <= UInt64(remaining / max(1, minimumSize)) else {
            throw StoredRecordDecodingError(.countTooLarge(value), at: start)
        }
        return Int(value)
    }

    /// Reads an index into a table of `count` entries.
    mutating func index(below count: Int) throws -> Int {
        let start = offset
        let value = try varint()
        guard value < UInt64(count) else {
            throw StoredRecordDecodingError(.indexOutOfRange(index: value, count: count), at: start)
        }
        return Int(value)
    }

    /// Reads a varint length and that many bytes of UTF-8.
    mutating func string() throws -> String {
        let length = try count(minimumSize: 1)
        let start = offset
        let bytes = UnsafeRawBufferPointer(rebasing: buffer[start..<start + length])
        guard let text = String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) else {
            throw StoredRecordDecodingError(.invalidUTF8, at: start)
        }
        offset += length
        return text
    }

    /// Reads 16 bytes.
    private mutating func sixteen() throws -> UnsafeRawBufferPointer {
        guard remaining >= 16 else { throw failure(.truncated) }
        defer { offset += 16 }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + 16])
    }

    /// Reads the 16 bytes of a UUID.
    mutating func uuid() throws -> UUID {
        let b = try sixteen()
        return UUID(
            uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
    }

    /// Reads a replica id written big-endian.
    mutating func replica() throws -> ReplicaID {
        let b = try sixteen()
        var high: UInt64 = 0
        var low: UInt64 = 0
        for i in 0..<8 {
            high = high << 8 | UInt64(b[i])
            low = low << 8 | UInt64(b[8 + i])
        }
        return ReplicaID(high: high, low: low)
    }

    /// Reads a double from its little-endian bit pattern.
    mutating func double() throws -> Double {
        guard remaining >= 8 else { throw failure(.truncated) }
        var bits: UInt64 = 0
        for i in (0..<8).reversed() { bits = bits << 8 | UInt64(buffer[offset + i]) }
        offset += 8
        return Double(bitPattern: bits)
    }
}
