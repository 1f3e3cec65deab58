import Foundation
import GRDB
import SyncModel

/// Fills a server's SQLite database directly with stored record states, for the pull rows: a
/// million pushes over HTTP would take long and measure nothing new. It writes the server's
/// `records` table as the server does (one prepared statement, one transaction, sequences 1…n).
struct SQLiteSeeder {
    /// The database file, already created and migrated by `syncserver`.
    let path: String

    /// Writes `count` records cloned from `templates` under new ids, sequences 1…count.
    func seed(count: Int, templates: [Record]) throws {
        // Each template's stored (binary) form once; the id is bytes 2..<18 of it, so every clone is a splice.
        let encoded: [(record: Record, state: [UInt8])] = templates.map { ($0, StoredRecordEncoding.encode($0)) }
        let pool = try DatabasePool(path: path)
        defer { try? pool.close() }
        try pool.writeWithoutTransaction { db in
            try db.inTransaction {
                let insert = try db.makeStatement(
                    sql: """
                        INSERT INTO records (id, cohort, collection, owner, survey, survey_version, scope, sequence, state, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for index in 0..<count {
                    let template = encoded[index % encoded.count]
                    let id = Self.uuid(index)
                    var state = template.state
                    withUnsafeBytes(of: UUID(uuidString: id)!.uuid) { state.replaceSubrange(2..<18, with: $0) }
                    let record = template.record
                    let scope = RecordCollection.isShared(record.collection) ? "shared" : "owner:" + record.owner
                    try insert.execute(arguments: [
                        id, record.cohort, record.collection, record.owner, record.survey, record.surveyVersion, scope,
                        Int64(index + 1), Data(state), Int64(1_790_000_000_000),
                    ])
                }
                return .commit
            }
        }
    }

    /// A distinct version-4 UUID string for clone `index`.
    static func uuid(_ index: Int) -> String {
        let hex = String(UInt64(index), radix: 16, uppercase: true)
        let tail = String(repeating: "0", count: 12 - hex.count) + hex
        return "5EED0000-0000-4000-8000-" + tail
    }

}
