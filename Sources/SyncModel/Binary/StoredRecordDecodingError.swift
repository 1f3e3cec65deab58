/// Why bytes are not a valid stored record, and where the problem was found.
public struct StoredRecordDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Hashable, Sendable {
        /// The first byte is not the binary form's marker (nil when there are no bytes at all).
        case notBinaryForm(firstByte: UInt8?)
        /// The format version is one this build does not know.
        case unsupportedVersion(UInt8)
        /// The bytes end in the middle of an item.
        case truncated
        /// A variable-length integer is longer than 10 bytes or exceeds 64 bits.
        case varintOverflow
        /// A count or length is larger than the bytes that remain could hold.
        case countTooLarge(UInt64)
        /// A number does not fit where it is used (e.g. a survey version beyond `Int`).
        case numberOutOfRange
        /// A value, flag or register tag byte is not one the format defines.
        case invalidTag(UInt8)
        /// A reference to the replica or edit table points past its end.
        case indexOutOfRange(index: UInt64, count: Int)
        /// A string is not valid UTF-8.
        case invalidUTF8
        /// The replica table is not strictly increasing.
        case unorderedReplicas
        /// The siblings of a register are not in strictly increasing dot order.
        case unorderedSiblings
        /// A dot's counter is zero; counters start at 1.
        case zeroCounter
        /// A field name or object key occurs twice.
        case duplicateKey(String)
        /// Values are nested deeper than ``StoredRecordEncoding/maximumNesting``.
        case nestingTooDeep
        /// Bytes follow the end of the record.
        case trailingBytes(Int)
    }

    /// What was wrong.
    public let reason: Reason
    /// The byte offset at which decoding failed.
    public let offset: Int

    /// Creates an error.
    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// A sentence naming the problem and its offset.
    public var description: String {
        let what: String
        switch reason {
        case .notBinaryForm(let byte):
            what = byte.map { "the first byte 0x\(String($0, radix: 16)) is not the binary form's marker" } ?? "it is empty"
        case .unsupportedVersion(let version):
            what = "format version \(version) is unknown to this build (it reads version \(StoredRecordEncoding.formatVersion))"
        case .truncated: what = "the bytes end in the middle of an item"
        case .varintOverflow: what = "a variable-length integer exceeds 64 bits"
        case .countTooLarge(let count): what = "a count or length of \(count) exceeds the remaining bytes"
        case .numberOutOfRange: what = "a number does not fit its field"
        case .invalidTag(let tag): what = "the tag or flag byte 0x\(String(tag, radix: 16)) is not defined"
        case .indexOutOfRange(let index, let count): what = "index \(index) points past a table of \(count)"
        case .invalidUTF8: what = "a string is not valid UTF-8"
        case .unorderedReplicas: what = "the replica table is not strictly increasing"
        case .unorderedSiblings: what = "a register's siblings are not in strictly increasing dot order"
        case .zeroCounter: what = "a dot has counter 0"
        case .duplicateKey(let key): what = "the key '\(key.prefix(60))' occurs twice"
        case .nestingTooDeep: what = "values nest deeper than \(StoredRecordEncoding.maximumNesting) levels"
        case .trailingBytes(let count): what = "\(count) bytes follow the end of the record"
        }
        return "Not a valid stored record: \(what) (at byte \(offset))."
    }
}
