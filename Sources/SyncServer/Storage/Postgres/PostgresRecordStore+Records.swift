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
            guard let (epoch, requestRetired) = try header?.decode((String, Bool).self) else {
                throw StoreError.notFound("The database has no epoch; it is not a syncserver database.")
            }
            let retired = requestEpoch != nil && requestEpoch != epoch && requestRetired
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
            else { throw StoreError.notFound("The database has no feed counter; it is not a syncserver database.") }
            let first = last - count + 1
            let columns = RecordColumns(decided.writes, firstSequence: first, states: decided.storedState(of:))
            // "" for no origin: device ids are never empty, and an array of optionals does not bind.
            let origins = decided.writes.map { decided.origins[$0.id] ?? "" }
            try await connection.query(
                """
                INSERT INTO records (id, cohort, collection, owner, survey, survey_version, scope, sequence, state, updated_at,
                    origin)
                SELECT id, cohort, collection, owner, CASE WHEN has_survey THEN survey END,
                    CASE WHEN has_survey THEN survey_version::INTEGER END, scope, sequence, state,
                    \(time.millisecondsSince1970), NULLIF(origin, '')
                FROM unnest(\(columns.ids)::uuid[], \(columns.cohorts)::text[], \(columns.collections)::text[],
                    \(columns.owners)::text[], \(columns.hasSurvey)::bool[], \(columns.surveys)::text[],
                    \(columns.surveyVersions)::int8[], \(columns.scopes)::text[], \(columns.sequences)::int8[],
                    \(columns.states)::bytea[], \(origins)::text[])
                    AS w(id, cohort, collection, owner, has_survey, survey, survey_version, scope, sequence, state, origin)
                ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, state = excluded.state,
                    updated_at = excluded.updated_at, origin = excluded.origin
                """, logger: logger)
            if !decided.relays.isEmpty {
                let sequences = Dictionary(uniqueKeysWithValues: zip(columns.ids, columns.sequences))
                let relays = decided.relays
                try await connection.query(
                    """
                    INSERT INTO relays (record_id, device_id, epoch, replicas, sequence, relayed_at)
                    SELECT record_id, device_id, epoch, replicas, sequence, \(time.millisecondsSince1970)
                    FROM unnest(\(relays.map(\.recordID))::uuid[], \(relays.map(\.deviceID))::text[],
                        \(relays.map(\.epoch))::text[],
                        \(relays.map { $0.replicas.map(\.description).joined(separator: ",") })::text[],
                        \(relays.map { sequences[$0.recordID] ?? 0 })::int8[])
                        AS r(record_id, device_id, epoch, replicas, sequence)
                    """, logger: logger)
            }
            return BatchOutcome(plan: decided, epoch: epoch, lastSequence: last)
        }
    }

    /// Reads one page of the feed of `scope` and the epoch in one statement, so one snapshot.
    ///
    /// As on SQLite, a trainer's page is one range scan of (cohort, sequence) and a participant's
    /// two of (cohort, scope, sequence), each stopping after `limit + 1` rows.
    ///
    /// Every visible sequence is final (see `commitBatch`), so the page needs no filter for
    /// changes still in flight. Rows whose origin is `reader` count towards the page and the
    /// cursor but come without their state.
    func changes(in scope: ReadScope, after sequence: Int64, limit: Int, reader: String?) async throws
        -> EncodedChangesPage
    {
        let fetch = Int64(limit) + 1
        let found: [PostgresRow]
        switch scope {
        case .cohort(let cohort):
            found = try await rows(
                """
                SELECT m.value, p.sequence, p.state FROM meta AS m LEFT JOIN LATERAL (
                    SELECT sequence, CASE WHEN origin = \(reader) THEN NULL ELSE state END AS state
                    FROM records WHERE cohort = \(cohort) AND sequence > \(sequence)
                    ORDER BY sequence LIMIT \(fetch)
                ) AS p ON TRUE
                WHERE m.key = 'epoch' ORDER BY p.sequence
                """)
        case .participant(let cohort, let owner):
            found = try await rows(
                """
                SELECT m.value, p.sequence, p.state FROM meta AS m LEFT JOIN LATERAL (
                    SELECT sequence, state FROM (
                        (SELECT sequence, CASE WHEN origin = \(reader) THEN NULL ELSE state END AS state FROM records
                            WHERE cohort = \(cohort) AND scope = \(FeedScope.shared) AND sequence > \(sequence)
                            ORDER BY sequence LIMIT \(fetch))
                        UNION ALL
                        (SELECT sequence, CASE WHEN origin = \(reader) THEN NULL ELSE state END AS state FROM records
                            WHERE cohort = \(cohort) AND scope = \(FeedScope.owner(owner)) AND sequence > \(sequence)
                            ORDER BY sequence LIMIT \(fetch))
                    ) AS both_scopes ORDER BY sequence LIMIT \(fetch)
                ) AS p ON TRUE
                WHERE m.key = 'epoch' ORDER BY p.sequence
                """)
        }
        guard let first = found.first else {
            throw StoreError.notFound("The database has no epoch; it is not a syncserver database.")
        }
        let epoch = try first.decode(String.self)
        // A row without a sequence is the empty lateral join; one without a state is the reader's own.
        var page: [(Int64, Data?)] = []
        page.reserveCapacity(found.count)
        for row in found {
            let (_, rowSequence, state) = try row.decode((String, Int64?, Data?).self)
            if let rowSequence { page.append((rowSequence, state)) }
        }
        let hasMore = page.count > limit
        if hasMore { page.removeLast(page.count - limit) }
        return EncodedChangesPage(
            states: try page.compactMap(\.1).map { try StoredState.wireJSON($0) }, cursor: page.last?.0 ?? sequence,
            hasMore: hasMore, epoch: epoch)
    }
}
