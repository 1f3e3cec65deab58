import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Loads, plans and writes one batch; batches that wait at the same moment share one write
    /// transaction (``GroupCommit``), each in a savepoint of its own.
    ///
    /// The existing states come from one query; the new rows get the next feed sequences.
    /// SQLite has one writer, so sequences commit in order and the feed has no gaps.
    func commitBatch(
        ids: [UUID], requestEpoch: String?, at time: Timestamp,
        plan: @escaping @Sendable (BatchSnapshot) throws -> BatchPlan
    ) async throws -> BatchOutcome {
        let keys = Array(Set(ids.map(\.uuidString)))
        return try await groupCommit.commit { db in
            let epoch = try Self.epoch(db)
            let listed =
                try requestEpoch.map {
                    try Bool.fetchOne(db, sql: "SELECT 1 FROM retired_epochs WHERE epoch = ?", arguments: [$0]) == true
                } ?? false
            let retired = StoreRules.isRetired(requestEpoch: requestEpoch, current: epoch, listed: listed)
            let existing = try Self.loadStates(db, keys: keys)
            let decided = try plan(BatchSnapshot(existing: existing, epoch: epoch, requestEpochIsRetired: retired))
            guard !decided.writes.isEmpty else {
                return BatchOutcome(plan: decided, epoch: epoch, lastSequence: nil)
            }
            let first = try (Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), 0) FROM records") ?? 0) + 1
            let rows = decided.rows(firstSequence: first, at: time)
            try Self.insert(rows, db)
            if !decided.relays.isEmpty {
                let sequences = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.sequence) })
                let note = try db.makeStatement(
                    sql: """
                        INSERT INTO relays (record_id, device_id, epoch, replicas, sequence, relayed_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                for relay in decided.relays {
                    try note.execute(arguments: [
                        relay.recordID.uuidString, relay.deviceID, relay.epoch, relay.replicaList,
                        sequences[relay.recordID] ?? 0, time.millisecondsSince1970,
                    ])
                }
            }
            return BatchOutcome(plan: decided, epoch: epoch, lastSequence: rows.last?.sequence)
        }
    }

    /// The group commit of `writer`: one write transaction per group, one savepoint per batch.
    ///
    /// A batch whose plan is refused fails alone; a database error (a full disk) may have ended
    /// the transaction, so it fails the whole group and nothing of it is stored.
    static func makeGroupCommit(_ writer: any DatabaseWriter) -> GroupCommit<Database> {
        GroupCommit { jobs in
            do {
                return try await writer.write { db in
                    var results: [Result<BatchOutcome, any Error>] = []
                    for job in jobs {
                        do {
                            var outcome: BatchOutcome?
                            try db.inSavepoint {
                                outcome = try job(db)
                                return .commit
                            }
                            guard let outcome else { throw StoreError.unavailable("A batch returned no outcome.") }
                            results.append(.success(outcome))
                        } catch let error as DatabaseError {
                            throw error
                        } catch {
                            results.append(.failure(error))
                        }
                    }
                    return results
                }
            } catch {
                throw Self.mapped(error)
            }
        }
    }

    /// Inserts `rows`, or replaces the state, sequence, time and origin of those that exist,
    /// through one prepared statement reused per row.
    static func insert(_ rows: [RecordRow], _ db: Database) throws {
        let upsert = try db.makeStatement(
            sql: """
                INSERT INTO records (id, cohort, collection, owner, survey, survey_version, scope, sequence, state, updated_at,
                    origin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET sequence = excluded.sequence, state = excluded.state,
                    updated_at = excluded.updated_at, origin = excluded.origin
                """)
        for row in rows {
            try upsert.execute(arguments: [
                row.id.uuidString, row.cohort, row.collection, row.owner, row.survey, row.surveyVersion, row.scope,
                row.sequence, row.state, row.updatedAt, row.origin,
            ])
        }
    }

    /// Reads one page of the feed of `scope`.
    ///
    /// Each scope part is one range scan of an index on (cohort[, scope], sequence) that stops
    /// after `limit + 1` rows, so the cost grows with the page, not with the database.
    func changes(in scope: ReadScope, after sequence: Int64, limit: Int, reader: String?) async throws
        -> StoredChangesPage
    {
        try await read { db in
            let epoch = try Self.epoch(db)
            let rows: [Row]
            switch scope {
            case .cohort(let cohort):
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT sequence, state, origin FROM records INDEXED BY records_cohort_sequence
                        WHERE cohort = ? AND sequence > ? ORDER BY sequence LIMIT ?
                        """,
                    arguments: [cohort, sequence, limit + 1])
            case .participant(let cohort, let owner):
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM (
                            SELECT * FROM (SELECT sequence, state, origin FROM records INDEXED BY records_scope_sequence
                                WHERE cohort = ?1 AND scope = ?2 AND sequence > ?4 ORDER BY sequence LIMIT ?5)
                            UNION ALL
                            SELECT * FROM (SELECT sequence, state, origin FROM records INDEXED BY records_scope_sequence
                                WHERE cohort = ?1 AND scope = ?3 AND sequence > ?4 ORDER BY sequence LIMIT ?5)
                        ) ORDER BY sequence LIMIT ?5
                        """,
                    arguments: [cohort, FeedScope.shared, FeedScope.owner(owner), sequence, limit + 1])
            }
            return StoredChangesPage(
                rows: rows.map { ($0["sequence"], $0["state"], $0["origin"]) }, limit: limit, after: sequence,
                epoch: epoch, reader: reader)
        }
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

    /// Deletes the relay notes of `ids`, then checkpoints the WAL into the database file and
    /// truncates it, so no old page of an erased state stays in the `-wal` file.
    func scrubErased(ids: [UUID]) async throws {
        let keys = ids.map(\.uuidString)
        try await write { db in
            for chunk in stride(from: 0, to: keys.count, by: 500) {
                let part = Array(keys[chunk..<min(chunk + 500, keys.count)])
                let placeholders = Array(repeating: "?", count: part.count).joined(separator: ",")
                try db.execute(
                    sql: "DELETE FROM relays WHERE record_id IN (\(placeholders))", arguments: StatementArguments(part))
            }
        }
        do {
            try await writer.writeWithoutTransaction { db in
                // Readers may still hold old frames; TRUNCATE waits for them (busy timeout).
                _ = try db.checkpoint(.truncate)
            }
        } catch {
            throw Self.mapped(error)
        }
    }
}
