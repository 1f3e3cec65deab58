import Foundation
import SyncModel

extension SQLRecordStore {
    /// The most rows one statement inserts or names: 1,000 rows of 11 values stay under both
    /// backends' limits on bound values (SQLite 32,766, PostgreSQL 65,535).
    static var rowsPerStatement: Int { 1000 }

    /// Runs a push's script in one write transaction.
    func committing(_ script: StoreScript<BatchOutcome>) async throws -> BatchOutcome {
        try await writing(script)
    }

    /// Loads, plans and writes one batch in one transaction (``committing(_:)``).
    func commitBatch(
        ids: [UUID], requestEpoch: String?, at time: Timestamp,
        plan: @escaping @Sendable (BatchSnapshot) throws -> BatchPlan
    ) async throws -> BatchOutcome {
        try await committing(Self.batchCommit(ids: ids, requestEpoch: requestEpoch, at: time, plan: plan))
    }

    /// A push's transaction, in a fixed number of statements whatever the batch's size (ids are
    /// at most ``SyncProtocol/maximumPushRecords``):
    /// 1. the epoch and whether the request's epoch is retired;
    /// 2. the backend's locks on the ids (``SchemaDialect/lockRecords``), which also cover ids not
    ///    stored yet, so that two instances creating the same record merge instead of overwriting;
    /// 3. the stored states of the ids, `FOR UPDATE` where the backend has it;
    /// 4. the plan, in memory;
    /// 5. the feed sequences, allocated **last** (``SchemaDialect/allocateSequences``). On
    ///    PostgreSQL the counter's row lock is held until `COMMIT`, so a transaction holding higher
    ///    sequences commits after every one holding lower ones, and the feed never shows a sequence
    ///    while a lower one can still appear (docs/PROTOCOL.md); SQLite has one writer;
    /// 6. the upsert of the new states, then the relay notes (``StoreInsertion``).
    static func batchCommit(
        ids: [UUID], requestEpoch: String?, at time: Timestamp,
        plan: @escaping @Sendable (BatchSnapshot) throws -> BatchPlan
    ) -> StoreScript<BatchOutcome> {
        let keys = Set(ids).map(StoreValue.uuid)
        let load = "SELECT state FROM records WHERE id IN (\(StoreStatement.marks(keys.count)))\(dialect.forUpdate)"
        // A batch without ids locks and loads nothing (`IN ()` is not SQL).
        let locks = keys.isEmpty ? [] : dialect.lockRecords.map { [StoreStatement(sql: $0(keys.count), binds: keys)] } ?? []
        let loads = keys.isEmpty ? [] : [StoreStatement(sql: load, binds: keys)]
        return .run(
            "SELECT value, EXISTS (SELECT 1 FROM retired_epochs WHERE epoch = ?) FROM meta WHERE key = 'epoch'",
            [StoreValue(requestEpoch)]
        ) { header in
            let epoch = try StoreRules.requireEpoch(header.first?.text(0))
            let listed = try header.first?.int(1) == 1
            let stored = BatchSnapshot(
                existing: [:], epoch: epoch,
                requestEpochIsRetired: StoreRules.isRetired(requestEpoch: requestEpoch, current: epoch, listed: listed))
            return try .run(locks[...]) { _ in
                try .run(loads[...]) { found in
                    var snapshot = stored
                    for row in found.joined() {
                        let record = try StoredState.record(from: row.blob(0))
                        snapshot.existing[record.id] = record
                    }
                    let decided = try plan(snapshot)
                    guard !decided.writes.isEmpty else {
                        return .done(BatchOutcome(plan: decided, epoch: epoch, lastSequence: nil))
                    }
                    let count = Int64(decided.writes.count)
                    return .run(dialect.allocateSequences, [.int(count)]) { allocated in
                        guard let last = try allocated.first?.int(0) else {
                            throw StoreRules.notASyncserverDatabase(lacking: "feed counter")
                        }
                        let rows = decided.rows(firstSequence: last - count + 1, at: time)
                        let sequences = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.sequence) })
                        let relays = decided.relays.map {
                            ExportedRelay(note: $0, sequence: sequences[$0.recordID] ?? 0, relayedAt: time)
                        }
                        return .insert(upsert(rows)) {
                            .insert(insertion(relays)) { .done(BatchOutcome(plan: decided, epoch: epoch, lastSequence: last)) }
                        }
                    }
                }
            }
        }
    }

    /// Inserts `rows`, or replaces the state, sequence, time and origin of those that exist; each
    /// row's id appears once.
    static func upsert(_ rows: [RecordRow]) -> StoreInsertion {
        StoreInsertion(
            table: "records (\(RecordRow.columns))", rows: rows.map(\.values),
            clause: """
                ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, state = excluded.state,
                    updated_at = excluded.updated_at, origin = excluded.origin
                """)
    }

    /// Inserts the relay notes `relays`.
    static func insertion(_ relays: [ExportedRelay]) -> StoreInsertion {
        StoreInsertion(table: "relays (\(ExportedRelay.columns))", rows: relays.map(\.values))
    }

    /// Reads one page of the feed of `scope` and the epoch in one statement, so in one snapshot.
    func changes(in scope: ReadScope, after sequence: Int64, limit: Int, reader: String?) async throws
        -> StoredChangesPage
    {
        try await reading(Self.feedPage(scope, after: sequence, limit: limit, reader: reader))
    }

    /// The feed page as one statement: a row of sequence -1 with the epoch, and up to `limit + 1`
    /// changes. A trainer's page is one range scan of the index on (cohort, sequence), a
    /// participant's two of (cohort, scope, sequence), each stopping after `limit + 1` rows, so a
    /// page costs what it holds, not what the database holds. Every visible sequence is final
    /// (see ``batchCommit(ids:requestEpoch:at:plan:)``), so no filter for changes in flight.
    static func feedPage(_ scope: ReadScope, after sequence: Int64, limit: Int, reader: String?)
        -> StoreScript<StoredChangesPage>
    {
        let fetch = StoreValue.int(Int64(limit) + 1)
        let page: String
        let binds: [StoreValue]
        switch scope {
        case .cohort(let cohort):
            page = """
                SELECT sequence, state, origin FROM \(dialect.table("records", through: "records_cohort_sequence"))
                WHERE cohort = ? AND sequence > ? ORDER BY sequence LIMIT ?
                """
            binds = [.text(cohort), .int(sequence), fetch]
        case .participant(let cohort, let owner):
            let part = """
                SELECT * FROM (
                    SELECT sequence, state, origin FROM \(dialect.table("records", through: "records_scope_sequence"))
                    WHERE cohort = ? AND scope = ? AND sequence > ? ORDER BY sequence LIMIT ?)
                """
            page = "\(part) AS shared_part UNION ALL \(part) AS own_part ORDER BY sequence LIMIT ?"
            binds = [
                .text(cohort), .text(FeedScope.shared), .int(sequence), fetch,
                .text(cohort), .text(FeedScope.owner(owner)), .int(sequence), fetch, fetch,
            ]
        }
        return .rows("SELECT -1, NULL, value FROM meta WHERE key = 'epoch' UNION ALL SELECT * FROM (\(page)) AS page", binds) {
            found in
            var epoch: String?
            var rows: [StoredChangesPage.Row] = []
            rows.reserveCapacity(found.count)
            for row in found {
                let rowSequence = try row.int(0)
                if rowSequence < 0 {
                    epoch = try row.text(2)
                } else {
                    rows.append((rowSequence, try row.blob(1), try row.optionalText(2)))
                }
            }
            // SQL keeps no order across a UNION, and sorting here spares the database copying the states.
            rows.sort { $0.sequence < $1.sequence }
            return StoredChangesPage(
                rows: rows, limit: limit, after: sequence, epoch: try StoreRules.requireEpoch(epoch), reader: reader)
        }
    }

    /// Deletes the relay notes of the erased records `ids`; the backend's `scrubErased` then
    /// reclaims the space of their old states.
    static func relayDeletion(_ ids: [UUID]) -> StoreScript<Void> {
        .all(
            StoreStatement.parts(of: ids.map(StoreValue.uuid), size: rowsPerStatement).map { part in
                StoreStatement(
                    sql: "DELETE FROM relays WHERE record_id IN (\(StoreStatement.marks(part.count)))",
                    binds: Array(part))
            }[...])
    }
}
