/// The tag bytes of values in the stored binary form.
enum ValueTag {
    /// JSON null.
    static let null: UInt8 = 0
    /// false.
    static let `false`: UInt8 = 1
    /// true.
    static let `true`: UInt8 = 2
    /// An integer, zigzag varint.
    static let integer: UInt8 = 3
    /// A decimal, 8 bytes little-endian.
    static let decimal: UInt8 = 4
    /// A string, varint length and UTF-8.
    static let string: UInt8 = 5
    /// An array: count, then the elements.
    static let array: UInt8 = 6
    /// An object: count, then key and value per member, sorted by key.
    static let object: UInt8 = 7
}
