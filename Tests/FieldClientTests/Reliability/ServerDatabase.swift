import Foundation
import GRDB
import SyncModel
@testable import fieldclient

/// The records in a stopped `syncserver`'s SQLite file, read directly for the final checks.
struct ServerDatabase {
    /// Every stored record state, by id.
    let records: [UUID: SyncModel.Record]
    /// The number of rows in the records table (to catch duplicates under another key).
    let rowCount: Int
    /// SQLite's `PRAGMA integrity_check` answer.
    let integrity: String

    /// Reads the database at `path`, read-only.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        (records, rowCount, integrity) = try queue.read { db in
            var records: [UUID: SyncModel.Record] = [:]
            let rows = try Row.fetchAll(db, sql: "SELECT id, state FROM records")
            for row in rows {
                let record = try StoredRecordEncoding.decodeStoredState(row["state"] as Data)
                records[record.id] = record
            }
            return (records, rows.count, try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "")
        }
    }

    /// The number of records in `collection`, counted by SQLite without decoding them (for big databases).
    static func count(path: String, collection: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE collection = ?", arguments: [collection]) ?? 0
        }
    }

    /// The canonical text of each record, as `LocalStore` encodes it, by id.
    func canonicalStates() throws -> [UUID: String] {
        try records.mapValues(LocalStore.encode)
    }
}
