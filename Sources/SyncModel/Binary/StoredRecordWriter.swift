import Foundation

/// Appends the primitives of the stored binary form to one growing byte array.
struct StoredRecordWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8]

    /// Creates a writer with room for `capacity` bytes.
    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written so far.
    var count: Int { bytes.count }

    /// Appends one byte.
    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    /// Appends an unsigned LEB128 varint: 7 bits per byte, low bits first, high bit set on all but the last.
    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// Appends a varint of a non-negative `Int`.
    mutating func varint(_ value: Int) {
        varint(UInt64(value))
    }

    /// Appends a signed integer as a zigzag varint, so that small magnitudes take few bytes.
    mutating func zigzag(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Appends the UTF-8 length as a varint, then the UTF-8 bytes.
    mutating func string(_ value: String) {
        let utf8 = value.utf8
        varint(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    /// Appends the 16 bytes of a UUID.
    mutating func uuid(_ value: UUID) {
        withUnsafeBytes(of: value.uuid) { bytes.append(contentsOf: $0) }
    }

    /// Appends a replica id as 16 bytes, big-endian, so that byte order is numeric order.
    mutating func replica(_ value: ReplicaID) {
        withUnsafeBytes(of: value.high.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: value.low.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends the 8 bytes of a double's bit pattern, little-endian.
    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
