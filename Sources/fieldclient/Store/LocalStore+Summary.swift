import Foundation
import GRDB
import SyncModel

extension LocalStore {
    /// The counts `status` shows, from plain columns and their partial indexes: no sealed state is
    /// opened, however large the store, once ``fillSummary()`` has nothing left to do.
    func summary() throws -> StoreSummary {
        try fillSummary()
        return try writer.read { db in
            StoreSummary(
                unsynced: try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE revision > synced_revision") ?? 0,
                rejected: try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE rejection IS NOT NULL") ?? 0,
                conflicted: try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE conflicted = 1") ?? 0,
                damaged: try String.fetchAll(db, sql: "SELECT id FROM records WHERE damaged = 1 ORDER BY id"))
        }
    }

    /// Fills the `conflicted` column of rows that predate it (stores from before the v3-summary
    /// migration), `batchSize` rows per transaction; a state that cannot be opened is marked damaged.
    /// Does nothing, reading no state, when every row is known.
    func fillSummary(batchSize: Int = 500) throws {
        let unknown = "SELECT id, state FROM records WHERE conflicted IS NULL AND damaged = 0 LIMIT ?"
        if try writer.read({ db in try Row.fetchOne(db, sql: unknown, arguments: [1]) }) == nil { return }
        var damaged: [String] = []
        while true {
            let filled = try writer.write { db in
                let rows = try Row.fetchAll(db, sql: unknown, arguments: [batchSize])
                let set = try db.makeStatement(sql: "UPDATE records SET conflicted = ? WHERE id = ?")
                let mark = try db.makeStatement(sql: "UPDATE records SET damaged = 1 WHERE id = ?")
                for row in rows {
                    let key: String = row["id"]
                    do {
                        try set.execute(arguments: [Self.conflictFlag(try decodeState(row["state"], key: key)), key])
                    } catch is DamagedRecordError {
                        try mark.execute(arguments: [key])
                        damaged.append(key)
                    }
                }
                return rows.count
            }
            if filled < batchSize { break }
        }
        if !damaged.isEmpty { try noteDamage(damaged) }
    }
}
