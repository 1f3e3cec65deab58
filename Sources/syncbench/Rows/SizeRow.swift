import AsyncHTTPClient
import Foundation
import GRDB
import NIOCore
import SyncModel

/// Rows 5a and 5b: what sync metadata (version vectors, dots, timestamps) costs per record,
/// stored and on the wire, against the answers themselves.
enum SizeRow {
    /// The stored sizes of a sample of records.
    struct Stored {
        /// Records sampled.
        var sampled: Int
        /// Mean bytes of a stored state.
        var stateBytes: Double
        /// Mean bytes of the answers alone (the shown values as JSON).
        var answerBytes: Double
        /// Mean bytes of sync metadata: for binary states the format's own accounting
        /// (``StoredRecordSize/syncMetadata``); for JSON states of older databases the state minus the
        /// same record's JSON without version, dots and timestamps.
        var metadataBytes: Double
        /// Mean bytes of sync metadata in the record's wire JSON: its JSON minus the same record's
        /// JSON without version, dots and timestamps.
        var wireMetadataBytes: Double
        /// Database file bytes (with its WAL) per record.
        var fileBytesPerRecord: Double
    }

    /// A record without sync metadata, as JSON: identity and plain values.
    private struct Stripped: Encodable {
        var id: UUID
        var collection: String
        var cohort: String
        var survey: String?
        var surveyVersion: Int?
        var owner: String
        var fields: [String: FieldValue]
    }

    /// Samples up to `sample` stored states of the SQLite database at `path` holding `records` records.
    static func stored(path: String, records: Int, sample: Int) throws -> Stored {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        let step = max(1, records / sample)
        let states = try queue.read { db in
            try Data.fetchAll(
                db, sql: "SELECT state FROM records WHERE collection = 'responses' AND sequence % ? = 0", arguments: [step])
        }
        guard !states.isEmpty else { throw BenchFailure("no stored responses to measure") }
        let encoder = JSONEncoder()
        var stateBytes = 0
        var answerBytes = 0
        var metadataBytes = 0
        var wireMetadataBytes = 0
        for state in states {
            let record = try StoredRecordEncoding.decodeStoredState(state)
            stateBytes += state.count
            answerBytes += try encoder.encode(record.values).count
            let stripped = try encoder.encode(
                Stripped(
                    id: record.id, collection: record.collection, cohort: record.cohort, survey: record.survey,
                    surveyVersion: record.surveyVersion, owner: record.owner, fields: record.values)
            ).count
            wireMetadataBytes += try encoder.encode(record).count - stripped
            if StoredRecordEncoding.isBinaryForm(state) {
                let size = StoredRecordEncoding.measure(record)
                guard size.total == state.count else {
                    throw BenchFailure("a stored state of \(state.count) bytes re-encodes to \(size.total) bytes")
                }
                metadataBytes += size.syncMetadata
            } else {
                metadataBytes += state.count - stripped
            }
        }
        let manager = FileManager.default
        let fileBytes = ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? manager.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
        let count = Double(states.count)
        return Stored(
            sampled: states.count, stateBytes: Double(stateBytes) / count, answerBytes: Double(answerBytes) / count,
            metadataBytes: Double(metadataBytes) / count, wireMetadataBytes: Double(wireMetadataBytes) / count,
            fileBytesPerRecord: Double(fileBytes) / Double(records))
    }

    /// Bytes of the whole feed of `token` on the wire, plain and with gzip.
    static func wire(api: BenchHTTP, token: String, pageSize: Int) async throws -> (records: Int, plain: Int, gzip: Int) {
        var totals = (records: 0, plain: 0, gzip: 0)
        for gzip in [false, true] {
            var cursor = ""
            var records = 0
            while true {
                let page = try await api.page(since: cursor, limit: pageSize, token: token, gzip: gzip)
                let decoded = try JSONDecoder().decode(ChangesPage.self, from: Data(page.body.readableBytesView))
                records += decoded.records.count
                if gzip { totals.gzip += page.wireBytes } else { totals.plain += page.wireBytes }
                cursor = decoded.cursor
                if !decoded.hasMore { break }
            }
            totals.records = records
        }
        return totals
    }

    /// How many of the records a device just pushed come back in its next pull, and their bytes.
    ///
    /// The device pulls to the end of its feed, edits `count` of its responses, pushes them, and
    /// pulls again from where it was.
    static func redownload(
        api: BenchHTTP, token: String, replica: ReplicaID, own: [Record], count: Int
    ) async throws -> (pushed: Int, returned: Int, bytes: Int) {
        var cursor = ""
        while true {
            let page = try await api.page(since: cursor, limit: SyncProtocol.maximumPageSize, token: token, gzip: false)
            let tail = try JSONDecoder().decode(PageTail.self, from: Data(page.body.readableBytesView))
            cursor = tail.cursor
            if !tail.hasMore { break }
        }
        let edited: [Record] = own.prefix(count).map { record in
            var record = record
            record.write("_note", .string("Nachbesuch vereinbart."), by: replica, at: Timestamp(millisecondsSince1970: 1_790_100_000_000))
            return record
        }
        let body = ByteBuffer(bytes: try JSONEncoder().encode(PushRequest(epoch: nil, records: edited)))
        try await api.push(body, records: edited.count, token: token, gzip: false)
        let pushedIDs = Set(edited.map(\.id))
        var returned = 0
        var bytes = 0
        while true {
            let page = try await api.page(since: cursor, limit: SyncProtocol.maximumPageSize, token: token, gzip: false)
            let decoded = try JSONDecoder().decode(ChangesPage.self, from: Data(page.body.readableBytesView))
            returned += decoded.records.filter { pushedIDs.contains($0.id) }.count
            bytes += page.wireBytes
            cursor = decoded.cursor
            if !decoded.hasMore { break }
        }
        return (edited.count, returned, bytes)
    }
}
