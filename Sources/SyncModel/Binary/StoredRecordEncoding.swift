import Foundation

/// The compact binary form in which the server stores a ``Record`` (format version 1).
///
/// The wire form (JSON) repeats each sibling's dot and timestamp; this form names each edit
/// once in a table and lets siblings point at it, which is what makes stored sync metadata
/// small (one edit writes one dot for all its fields, docs/PROTOCOL.md). Layout, all integers
/// unsigned LEB128 varints unless said otherwise ("zigzag" = signed varint):
///
/// 1. `0xC1` (never the first byte of JSON or of UTF-8 text), then the version byte `1`;
/// 2. identity: 16 bytes id; collection, cohort, owner (varint length + UTF-8); a flags byte
///    (bit 0: survey, bit 1: survey version); the survey; the survey version (zigzag);
/// 3. replica table: count, then 16 bytes per replica (big-endian), strictly increasing;
/// 4. version vector: one counter per replica of the table (0 = absent);
/// 5. edit table: count, then per distinct (dot, timestamp): replica index, counter, and the
///    timestamp as a zigzag difference to the previous edit's (the first to 0);
/// 6. fields: count, then per field (sorted by name): name; a register header `h` (even: one
///    sibling whose edit index is `h >> 1`; odd: `(h >> 1) + 2` siblings, each preceded by its
///    edit index); each sibling's value in dot order;
/// 7. deletion register: count, then per sibling: edit index, flags (bit 0: deleted, bit 1:
///    a seen vector follows), the seen vector as one counter per replica of the table;
/// 8. only for an erased record (whose fields and deletion register are empty): ``erasureTag``,
///    who erased it, when (zigzag milliseconds since 1970) and why. States written before
///    erasures existed end after 7 and still decode.
///
/// Values: tag `0` null, `1` false, `2` true, `3` integer (zigzag), `4` decimal (8 bytes,
/// little-endian bit pattern), `5` string, `6` array (count, values), `7` object (count, then
/// key and value per member, sorted by key).
public enum StoredRecordEncoding {
    /// The first byte of every stored binary record.
    public static let marker: UInt8 = 0xC1
    /// The byte that starts the erasure section of an erased record.
    public static let erasureTag: UInt8 = 0xE5
    /// The format version written after the marker.
    public static let formatVersion: UInt8 = 1
    /// The deepest nesting of arrays and objects in a value that decoding accepts; it matches
    /// the limit of Foundation's JSON decoder, so every record that arrives as JSON can be stored.
    public static let maximumNesting = 512

    /// Whether `bytes` start like the binary form (and not like JSON).
    public static func isBinaryForm(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.first == marker
    }

    /// The binary form of `record`.
    public static func encode(_ record: Record) -> [UInt8] {
        var writer = StoredRecordWriter(capacity: 96 + 40 * record.fields.count)
        _ = write(record, into: &writer)
        return writer.bytes
    }

    /// How the binary form of `record` splits into sync metadata and content, byte by byte as written.
    public static func measure(_ record: Record) -> StoredRecordSize {
        var writer = StoredRecordWriter(capacity: 96 + 40 * record.fields.count)
        return write(record, into: &writer)
    }

    /// Decodes the binary form; throws ``StoredRecordDecodingError`` for anything that is not
    /// exactly one valid record.
    public static func decode(_ bytes: [UInt8]) throws -> Record {
        try bytes.withUnsafeBytes { buffer in
            var reader = StoredRecordReader(buffer)
            return try read(&reader)
        }
    }

    /// Decodes the binary form held in `data`; see ``decode(_:)-([UInt8])``.
    public static func decode(_ data: Data) throws -> Record {
        try data.withUnsafeBytes { buffer in
            var reader = StoredRecordReader(buffer)
            return try read(&reader)
        }
    }

    /// Decodes a stored state in either form: the binary form, or the JSON wire form that
    /// databases written before the binary form hold (first byte `{`), read by ``FastJSON``.
    public static func decodeStoredState(_ data: Data) throws -> Record {
        if data.first == UInt8(ascii: "{") {
            return try FastJSON.decode(Record.self, from: data)
        }
        return try decode(data)
    }
}
