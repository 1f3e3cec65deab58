import Foundation
import SyncModel

/// Builds arbitrary but structurally valid records from integer scripts, for property tests of
/// the stored form: several replicas, conflicts, deletions with seen vectors, nested values,
/// umlauts and extreme numbers. A shorter script gives a smaller record, so failures shrink.
struct ArbitraryRecords {
    /// The script; reading past its end yields zeros.
    private let script: [Int]
    /// The next position to read.
    private var position = 0

    /// Builds the record that `script` describes.
    static func record(from script: [Int]) -> Record {
        var builder = ArbitraryRecords(script: script)
        return builder.makeRecord()
    }

    private init(script: [Int]) { self.script = script }

    /// The next script number in 0..<bound.
    private mutating func next(_ bound: Int) -> Int {
        defer { position += 1 }
        guard position < script.count else { return 0 }
        return abs(script[position] % bound)
    }

    /// One element of `pool`.
    private mutating func pick<T>(_ pool: [T]) -> T { pool[next(pool.count)] }

    static let replicaPool = [
        ReplicaID(high: 0, low: 0), ReplicaID(high: .max, low: .max), ReplicaID(high: 0xA, low: 1),
        ReplicaID(high: 0xB, low: 2), ReplicaID(high: 0x0123_4567_89AB_CDEF, low: 0xFEDC_BA98_7654_3210),
    ]
    static let counterPool: [UInt64] = [1, 2, 3, 127, 128, 1 << 53, UInt64.max]
    static let timestampPool: [Int64] = [1_790_000_956_057, 1_790_000_956_058, 0, -1, Int64.min, Int64.max]
    static let namePool = ["alter", "wohndauer", "_note", "_status", "straße", "größe", "ünïcödé 🏠", "", "a\u{0}b"]
    static let stringPool = ["", "Straße", "ä ö ü Ä Ö Ü ß", "🏠🌳", "\u{0}", "\"quoted\" \\ / \n\t", String(repeating: "x", count: 300)]
    static let integerPool: [Int64] = [0, 1, -1, 63, 64, -65, Int64.max, Int64.min, 1_790_000_956_057]
    static let decimalPool: [Double] = [
        0.5, -0.0, 3.25, -1e-7, 1e308, -Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, 52.52437,
    ]

    private mutating func makeRecord() -> Record {
        let replicas = (0...next(4)).map { _ in pick(Self.replicaPool) }
        var version: [ReplicaID: UInt64] = [:]
        for replica in replicas where next(4) != 0 { version[replica] = pick(Self.counterPool) }
        // A few edits that several fields share, as one interview edit does.
        let edits = (0...next(5)).map { _ in
            (
                dot: Dot(replica: pick(replicas), counter: pick(Self.counterPool)),
                timestamp: Timestamp(millisecondsSince1970: pick(Self.timestampPool))
            )
        }
        var fields: [String: Register<FieldValue>] = [:]
        for _ in 0..<next(7) {
            let siblings = (0...next(3)).map { _ in
                let edit = pick(edits)
                return Sibling(dot: edit.dot, value: makeValue(depth: 0), timestamp: edit.timestamp)
            }
            fields[pick(Self.namePool)] = Register(siblings: siblings)
        }
        let deletions = (0..<next(3)).map { _ in
            let edit = pick(edits)
            var seen: VersionVector?
            if next(2) == 1 {
                // The deleter may have seen a replica the record's version no longer names.
                let other = pick(Self.replicaPool)
                let counter = pick(Self.counterPool)
                let known: ReplicaID = pick(replicas)
                seen = VersionVector(Dictionary([(other, counter), (known, UInt64(1))], uniquingKeysWith: max))
            }
            return Sibling(dot: edit.dot, value: Deletion(isDeleted: next(2) == 0, seen: seen), timestamp: edit.timestamp)
        }
        let survey: String? = next(3) == 0 ? nil : pick(["nachbarschaft-2026", "", "Umfrage über Größe"])
        let surveyVersion: Int? = next(3) == 0 ? nil : pick([1, 0, -3, Int.max, Int.min])
        return Record(
            id: UUID(uuid: (
                UInt8(next(256)), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, UInt8(next(256))
            )),
            collection: pick([RecordCollection.responses, RecordCollection.households, "ünbekannt"]),
            cohort: pick(["quartier-2026", "", "Köln-Süd"]), survey: survey, surveyVersion: surveyVersion,
            owner: pick(["anna", "trainer", "Jürgen"]), version: VersionVector(version), fields: fields,
            deletion: Register(siblings: deletions))
    }

    private mutating func makeValue(depth: Int) -> FieldValue {
        switch next(depth < 3 ? 8 : 6) {
        case 0: return .null
        case 1: return .bool(next(2) == 1)
        case 2: return .integer(pick(Self.integerPool))
        case 3: return .decimal(pick(Self.decimalPool))
        case 4, 5: return .string(pick(Self.stringPool))
        case 6: return .array((0..<next(4)).map { _ in makeValue(depth: depth + 1) })
        default:
            var members: [String: FieldValue] = [:]
            for _ in 0..<next(4) { members[pick(Self.namePool)] = makeValue(depth: depth + 1) }
            return .object(members)
        }
    }
}
