import Foundation
import GRDB
import SyncModel

extension LocalStore {
    /// The counts `status` shows, from plain columns and their partial indexes: no sealed state is
    /// opened, however large the store, once ``fillSummary()`` has nothing left to do. Review counts
    /// are those of `device` (none without one): its participant's open questions, or for a trainer
    /// every open question and the responses waiting for review.
    func summary(for device: DeviceIdentity? = nil) throws -> StoreSummary {
        try fillSummary()
        return try writer.read { db in
            var summary = StoreSummary(
                unsynced: try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE revision > synced_revision") ?? 0,
                rejected: try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE rejection IS NOT NULL") ?? 0,
                conflicted: try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE conflicted = 1") ?? 0,
                damaged: try String.fetchAll(db, sql: "SELECT id FROM records WHERE damaged = 1 ORDER BY id"))
            switch device?.role {
            case .trainer:
                summary.openQuestions = try Self.count(db, review: .open)
                summary.waitingForReview = try Self.count(db, review: .waiting)
            case .some:
                summary.openQuestions = try Self.count(db, review: .open, owner: device?.participant)
            case nil:
                break
            }
            return summary
        }
    }

    /// The number of records with review mark `mark` (of `owner`'s, when given).
    private static func count(_ db: Database, review mark: ReviewMark, owner: String? = nil) throws -> Int {
        if let owner {
            return try Int.fetchOne(
                db, sql: "SELECT count(*) FROM records WHERE review = ? AND owner = ?", arguments: [mark.rawValue, owner]) ?? 0
        }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE review = ?", arguments: [mark.rawValue]) ?? 0
    }

    /// Fills the `conflicted` and `review` columns of rows that predate them (stores from before the
    /// v3-summary or v4-review migration), `batchSize` rows per transaction, decoding each state
    /// once; a state that cannot be opened is marked damaged. Does nothing, reading no state, when
    /// every row is known.
    func fillSummary(batchSize: Int = 500) throws {
        // Two queries, so that each uses its partial index.
        let unknown = """
            SELECT id, state FROM records WHERE conflicted IS NULL AND damaged = 0
            UNION SELECT id, state FROM records WHERE review IS NULL AND damaged = 0 LIMIT ?
            """
        if try writer.read({ db in try Row.fetchOne(db, sql: unknown, arguments: [1]) }) == nil { return }
        var damaged: [String] = []
        while true {
            let filled = try writer.write { db in
                let rows = try Row.fetchAll(db, sql: unknown, arguments: [batchSize])
                let set = try db.makeStatement(sql: "UPDATE records SET conflicted = ?, review = ? WHERE id = ?")
                let mark = try db.makeStatement(sql: "UPDATE records SET damaged = 1 WHERE id = ?")
                for row in rows {
                    let key: String = row["id"]
                    do {
                        let record = try decodeState(row["state"], key: key)
                        try set.execute(arguments: [Self.conflictFlag(record), ReviewMark(record).rawValue, key])
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
