import Foundation
import GRDB
import SyncModel

/// The floor of rows 1 and 3: the same records' JSON inserted into a plain SQLite table with one
/// prepared statement in one transaction, with the server's durability settings (WAL, synchronous=FULL).
enum FloorBaseline {
    /// Inserts `records` and returns records per second; the JSON is encoded before timing.
    static func measure(_ records: [Record], path: String) throws -> Double {
        let encoder = JSONEncoder()
        let rows = try records.map { ($0.id.uuidString, try encoder.encode($0)) }
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let pool = try DatabasePool(path: path, configuration: configuration)
        defer { try? pool.close() }
        try pool.write { db in
            try db.execute(sql: "CREATE TABLE floor (id TEXT PRIMARY KEY NOT NULL, state BLOB NOT NULL) STRICT")
        }
        let clock = ContinuousClock()
        let start = clock.now
        try pool.writeWithoutTransaction { db in
            try db.inTransaction {
                let insert = try db.makeStatement(sql: "INSERT INTO floor (id, state) VALUES (?, ?)")
                for (id, state) in rows { try insert.execute(arguments: [id, state]) }
                return .commit
            }
        }
        return Double(rows.count) / (clock.now - start).seconds
    }
}
