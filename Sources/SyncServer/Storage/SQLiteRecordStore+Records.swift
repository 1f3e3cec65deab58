import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Loads, plans and writes one batch in one write transaction.
    ///
    /// The existing states come from one query; the new states are written through one
    /// prepared statement reused per row, each with the next feed sequence. SQLite has one
    /// writer, so sequences commit in order and the feed has no gaps.
    func commitBatch(
        ids: [UUID], requestEpoch: String?, at time: Timestamp,
        plan: @escaping @Sendable (BatchSnapshot) throws -> BatchPlan
    ) async throws -> BatchOutcome {
        let keys = Array(Set(ids.map(\.uuidString)))
        return try await write { db in
            let epoch = try Self.epoch(db)
            var retired = false
            if let requestEpoch, requestEpoch != epoch {
                retired =
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM retired_epochs WHERE epoch = ?", arguments: [requestEpoch]) == true
            }
            let existing = try Self.loadStates(db, keys: keys)
            let decided = try plan(BatchSnapshot(existing: existing, epoch: epoch, requestEpochIsRetired: retired))
            guard !decided.writes.isEmpty else {
                return BatchOutcome(plan: decided, epoch: epoch, lastSequence: nil)
            }
            var sequence = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), 0) FROM records") ?? 0
            var sequences: [UUID: Int64] = [:]
            let upsert = try db.makeStatement(
                sql: """
                    INSERT INTO records (id, cohort, collection, owner, survey, survey_version, scope, sequence, state, updated_at,
                        origin)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET sequence = excluded.sequence, state = excluded.state,
                        updated_at = excluded.updated_at, origin = excluded.origin
                    """)
            for record in decided.writes {
                sequence += 1
                sequences[record.id] = sequence
                try upsert.execute(arguments: [
                    record.id.uuidString, record.cohort, record.collection, record.owner, record.survey,
                    record.surveyVersion, FeedScope.of(record), sequence, decided.storedState(of: record),
                    time.millisecondsSince1970, decided.origins[record.id],
                ])
            }
            if !decided.relays.isEmpty {
                let note = try db.makeStatement(
                    sql: """
                        INSERT INTO relays (record_id, device_id, epoch, replicas, sequence, relayed_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                for relay in decided.relays {
                    try note.execute(arguments: [
                        relay.recordID.uuidString, relay.deviceID, relay.epoch,
                        relay.replicas.map(\.description).joined(separator: ","), sequences[relay.recordID] ?? 0,
                        time.millisecondsSince1970,
                    ])
                }
            }
            return BatchOutcome(plan: decided, epoch: epoch, lastSequence: sequence)
        }
    }

    /// Reads one page of the feed of `scope`.
    ///
    /// Each scope part is one range scan of an index on (cohort[, scope], sequence) that stops
    /// after `limit + 1` rows, so the cost grows with the page, not with the database. Rows whose
    /// origin is `reader` count towards the page and the cursor but come without their state.
    func changes(in scope: ReadScope, after sequence: Int64, limit: Int, reader: String?) async throws
        -> EncodedChangesPage
    {
        let stored = try await read { db in
            let epoch = try Self.epoch(db)
            let rows: [Row]
            switch scope {
            case .cohort(let cohort):
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT sequence, CASE WHEN origin = ? THEN NULL ELSE state END AS state
                        FROM records INDEXED BY records_cohort_sequence
                        WHERE cohort = ? AND sequence > ? ORDER BY sequence LIMIT ?
                        """,
                    arguments: [reader, cohort, sequence, limit + 1])
            case .participant(let cohort, let owner):
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT sequence, state FROM (
                            SELECT * FROM (SELECT sequence, CASE WHEN origin = ?6 THEN NULL ELSE state END AS state
                                FROM records INDEXED BY records_scope_sequence
                                WHERE cohort = ?1 AND scope = ?2 AND sequence > ?4 ORDER BY sequence LIMIT ?5)
                            UNION ALL
                            SELECT * FROM (SELECT sequence, CASE WHEN origin = ?6 THEN NULL ELSE state END AS state
                                FROM records INDEXED BY records_scope_sequence
                                WHERE cohort = ?1 AND scope = ?3 AND sequence > ?4 ORDER BY sequence LIMIT ?5)
                        ) ORDER BY sequence LIMIT ?5
                        """,
                    arguments: [cohort, FeedScope.shared, FeedScope.owner(owner), sequence, limit + 1, reader])
            }
            let hasMore = rows.count > limit
            let page = hasMore ? Array(rows.prefix(limit)) : rows
            let cursor: Int64 = page.last?["sequence"] ?? sequence
            return EncodedChangesPage(
                states: page.compactMap { $0["state"] as Data? }, cursor: cursor, hasMore: hasMore, epoch: epoch)
        }
        // Transcoded after the read, so the connection is not held for it.
        var result = stored
        result.states = try stored.states.map { try StoredState.wireJSON($0) }
        return result
    }

    /// Loads the stored states of `keys` with one query.
    private static func loadStates(_ db: Database, keys: [String]) throws -> [UUID: SyncModel.Record] {
        guard !keys.isEmpty else { return [:] }
        var result: [UUID: SyncModel.Record] = [:]
        result.reserveCapacity(keys.count)
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ",")
        let rows = try Row.fetchCursor(
            db, sql: "SELECT state FROM records WHERE id IN (\(placeholders))", arguments: StatementArguments(keys))
        while let row = try rows.next() {
            let record = try StoredState.record(from: row["state"] as Data)
            result[record.id] = record
        }
        return result
    }
}
