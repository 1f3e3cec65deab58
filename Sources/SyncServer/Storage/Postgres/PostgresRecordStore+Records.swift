import Foundation
import NIOCore
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// The first key of the advisory locks that serialize pushes of the same record id.
    static let recordLockSpace: Int32 = 0x5153_5263  // "QSRc"

    /// Loads, plans and writes one batch in one transaction, in a fixed number of round trips.
    ///
    /// 1. The epoch and whether the request's epoch is retired.
    /// 2. Transaction-scoped advisory locks on the batch's ids, taken in hash order so that two
    ///    batches never deadlock; they also cover ids that do not exist yet, which `FOR UPDATE`
    ///    cannot, so two instances creating the same record merge instead of overwriting.
    /// 3. One `= ANY($1) … FOR UPDATE` load of the stored states.
    /// 4. The plan, in memory.
    /// 5. Sequence allocation **last**: one `UPDATE feed_counter … RETURNING`, whose row lock is
    ///    held until `COMMIT`. Allocation is therefore serialized at commit: a transaction that
    ///    holds higher sequences commits after every transaction with lower ones, so the feed
    ///    never shows a sequence while a lower one can still appear (docs/PROTOCOL.md).
    /// 6. One multi-row upsert of the new states from `unnest` arrays, and one for relay notes.
    func commitBatch(
        ids: [UUID], requestEpoch: String?, at time: Timestamp,
        plan: @escaping @Sendable (BatchSnapshot) throws -> BatchPlan
    ) async throws -> BatchOutcome {
        let keys = Array(Set(ids))
        return try await transaction { [self] connection in
            let header = try await connection.query(
                """
                SELECT value, EXISTS (SELECT 1 FROM retired_epochs WHERE epoch = \(requestEpoch ?? ""))
                FROM meta WHERE key = 'epoch'
                """, logger: logger
            ).collect().first
            let found = try header?.decode((String, Bool).self)
            let epoch = try StoreRules.requireEpoch(found?.0)
            let retired = StoreRules.isRetired(requestEpoch: requestEpoch, current: epoch, listed: found?.1 ?? false)
            var existing: [UUID: SyncModel.Record] = [:]
            if !keys.isEmpty {
                try await connection.query(
                    """
                    SELECT pg_advisory_xact_lock(\(Self.recordLockSpace), h) FROM (
                        SELECT DISTINCT hashtext(id::text) AS h FROM unnest(\(keys)::uuid[]) AS id ORDER BY h OFFSET 0
                    ) AS locks
                    """, logger: logger)
                for try await state in try await connection.query(
                    "SELECT state FROM records WHERE id = ANY(\(keys)::uuid[]) FOR UPDATE", logger: logger
                ).decode(Data.self) {
                    let record = try StoredState.record(from: state)
                    existing[record.id] = record
                }
            }
            let decided = try plan(BatchSnapshot(existing: existing, epoch: epoch, requestEpochIsRetired: retired))
            guard !decided.writes.isEmpty else {
                return BatchOutcome(plan: decided, epoch: epoch, lastSequence: nil)
            }
            let count = Int64(decided.writes.count)
            guard
                let last = try await connection.query(
                    "UPDATE feed_counter SET last_sequence = last_sequence + \(count) RETURNING last_sequence",
                    logger: logger
                ).collect().first?.decode(Int64.self)
            else { throw StoreRules.notASyncserverDatabase(lacking: "feed counter") }
            let rows = decided.rows(firstSequence: last - count + 1, at: time)
            try await connection.query(RecordColumns(rows).upsert, logger: logger)
            let sequences = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.sequence) })
            try await Self.insert(
                decided.relays.map { ExportedRelay(note: $0, sequence: sequences[$0.recordID] ?? 0, relayedAt: time) },
                connection: connection, logger: logger)
            return BatchOutcome(plan: decided, epoch: epoch, lastSequence: last)
        }
    }

    /// Inserts relay notes with one statement; does nothing for none.
    static func insert(_ relays: [ExportedRelay], connection: PostgresConnection, logger: Logger) async throws {
        guard !relays.isEmpty else { return }
        try await connection.query(
            """
            INSERT INTO relays (record_id, device_id, epoch, replicas, sequence, relayed_at)
            SELECT * FROM unnest(\(relays.map(\.note.recordID))::uuid[], \(relays.map(\.note.deviceID))::text[],
                \(relays.map(\.note.epoch))::text[], \(relays.map(\.note.replicaList))::text[],
                \(relays.map(\.sequence))::int8[], \(relays.map(\.relayedAt.millisecondsSince1970))::int8[])
            """, logger: logger)
    }

    /// Reads one page of the feed of `scope` and the epoch in one statement, so one snapshot.
    ///
    /// As on SQLite, a trainer's page is one range scan of (cohort, sequence) and a participant's
    /// two of (cohort, scope, sequence), each stopping after `limit + 1` rows. Every visible
    /// sequence is final (see `commitBatch`), so the page needs no filter for changes still in flight.
    func changes(in scope: ReadScope, after sequence: Int64, limit: Int, reader: String?) async throws
        -> StoredChangesPage
    {
        let fetch = Int64(limit) + 1
        let found: [PostgresRow]
        switch scope {
        case .cohort(let cohort):
            found = try await rows(
                """
                SELECT m.value, p.sequence, p.state, p.origin FROM meta AS m LEFT JOIN LATERAL (
                    SELECT sequence, state, origin FROM records WHERE cohort = \(cohort) AND sequence > \(sequence)
                    ORDER BY sequence LIMIT \(fetch)
                ) AS p ON TRUE WHERE m.key = 'epoch' ORDER BY p.sequence
                """)
        case .participant(let cohort, let owner):
            found = try await rows(
                """
                SELECT m.value, p.sequence, p.state, p.origin FROM meta AS m LEFT JOIN LATERAL (
                    SELECT * FROM (
                        (SELECT sequence, state, origin FROM records
                            WHERE cohort = \(cohort) AND scope = \(FeedScope.shared) AND sequence > \(sequence)
                            ORDER BY sequence LIMIT \(fetch))
                        UNION ALL
                        (SELECT sequence, state, origin FROM records
                            WHERE cohort = \(cohort) AND scope = \(FeedScope.owner(owner)) AND sequence > \(sequence)
                            ORDER BY sequence LIMIT \(fetch))
                    ) AS both_scopes ORDER BY sequence LIMIT \(fetch)
                ) AS p ON TRUE WHERE m.key = 'epoch' ORDER BY p.sequence
                """)
        }
        let epoch = try StoreRules.requireEpoch(found.first?.decode(String.self))
        // A row without a sequence is the empty lateral join.
        var rows: [StoredChangesPage.Row] = []
        rows.reserveCapacity(found.count)
        for row in found {
            let (_, rowSequence, state, origin) = try row.decode((String, Int64?, Data?, String?).self)
            if let rowSequence, let state { rows.append((rowSequence, state, origin)) }
        }
        return StoredChangesPage(rows: rows, limit: limit, after: sequence, epoch: epoch, reader: reader)
    }

    /// Deletes the relay notes of `ids`, then runs a plain `VACUUM records`, which marks the old
    /// tuples of the erased states (and their TOAST chunks) as free space to be overwritten; only
    /// `VACUUM (FULL) records` rewrites the table at once (docs/STORAGE.md).
    func scrubErased(ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        let logger = logger
        try await withConnection { connection in
            try await connection.query("DELETE FROM relays WHERE record_id = ANY(\(ids)::uuid[])", logger: logger)
            try await connection.query("VACUUM records", logger: logger)
        }
    }
}
