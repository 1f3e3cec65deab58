import Foundation
import NIOCore
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// How many rows the tables that `syncserver migrate` fills hold, by table; all zero for a fresh database.
    func contentCounts(_ connection: PostgresConnection) async throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in [
            "cohorts", "devices", "enrollment_codes", "surveys", "records", "relays", "retired_epochs", "audit_events",
        ] {
            counts[table] = try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT count(*)::BIGINT FROM \(table)"), logger: logger
            ).collect().first?.decode(Int64.self) ?? 0
        }
        return counts
    }

    /// Imports a deployment in one transaction: nothing is stored unless everything is.
    ///
    /// The destination must be empty. It keeps the source's server replica and feed sequences,
    /// takes `newEpoch` and lists the source's epoch (and the epochs the source had retired) as
    /// retired, so clients upload what they hold once and the relay rule accepts writes the copy
    /// lacks. `nextRecords` pages through the source's records by sequence.
    func importDeployment(
        _ header: DeploymentHeader, newEpoch: String, at time: Timestamp, relays: [ExportedRelay],
        nextRecords: @escaping @Sendable (_ after: Int64) async throws -> [ExportedRecord]
    ) async throws -> (records: Int, lastSequence: Int64) {
        try await transaction { [self] connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            let counts = try await contentCounts(connection)
            let used = counts.filter { $0.value > 0 }.sorted { $0.key < $1.key }
            guard used.isEmpty else {
                throw StoreError.conflict(
                    "The destination \(location) is not empty ("
                        + used.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                        + "). Migrate into a new, empty database (createdb NAME), never over a used one.")
            }
            try await connection.query(
                "UPDATE meta SET value = \(newEpoch) WHERE key = 'epoch'", logger: logger)
            try await connection.query(
                "UPDATE meta SET value = \(header.serverReplica) WHERE key = 'server_replica'", logger: logger)
            let retired = header.retiredEpochs.filter { $0.epoch != header.epoch }
                + [RetiredEpoch(epoch: header.epoch, retiredAt: time)]
            try await connection.query(
                """
                INSERT INTO retired_epochs (epoch, retired_at)
                SELECT * FROM unnest(\(retired.map(\.epoch))::text[], \(retired.map(\.retiredAt.millisecondsSince1970))::int8[])
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO cohorts (name, created_at)
                SELECT * FROM unnest(\(header.cohorts.map(\.name))::text[],
                    \(header.cohorts.map(\.createdAt.millisecondsSince1970))::int8[])
                """, logger: logger)
            let devices = header.devices.map(\.device)
            try await connection.query(
                """
                INSERT INTO devices (id, cohort, participant, role, name, replica, token_hash, created_at, revoked_at)
                SELECT id, cohort, participant, role, name, replica, token_hash, created_at,
                    CASE WHEN revoked THEN revoked_at END
                FROM unnest(\(devices.map(\.id))::text[], \(devices.map(\.cohort))::text[],
                    \(devices.map(\.participant))::text[], \(devices.map(\.role.rawValue))::text[],
                    \(devices.map(\.name))::text[], \(devices.map(\.replicaId.description))::text[],
                    \(header.devices.map { ByteBuffer(bytes: $0.tokenHash) })::bytea[],
                    \(devices.map(\.createdAt.millisecondsSince1970))::int8[],
                    \(devices.map(\.isRevoked))::bool[],
                    \(devices.map { $0.revokedAt?.millisecondsSince1970 ?? 0 })::int8[])
                    AS d(id, cohort, participant, role, name, replica, token_hash, created_at, revoked, revoked_at)
                """, logger: logger)
            let codes = header.codes
            try await connection.query(
                """
                INSERT INTO enrollment_codes
                    (code_hash, cohort, participant, role, created_at, expires_at, created_by, used_at, device_id)
                SELECT code_hash, cohort, participant, role, created_at, expires_at, created_by,
                    CASE WHEN used THEN used_at END, CASE WHEN has_device THEN device_id END
                FROM unnest(\(codes.map { ByteBuffer(bytes: $0.code.codeHash) })::bytea[],
                    \(codes.map(\.code.cohort))::text[], \(codes.map(\.code.participant))::text[],
                    \(codes.map(\.code.role.rawValue))::text[],
                    \(codes.map(\.code.createdAt.millisecondsSince1970))::int8[],
                    \(codes.map(\.code.expiresAt.millisecondsSince1970))::int8[], \(codes.map(\.code.createdBy))::text[],
                    \(codes.map { $0.usedAt != nil })::bool[], \(codes.map { $0.usedAt?.millisecondsSince1970 ?? 0 })::int8[],
                    \(codes.map { $0.deviceID != nil })::bool[], \(codes.map { $0.deviceID ?? "" })::text[])
                    AS c(code_hash, cohort, participant, role, created_at, expires_at, created_by, used, used_at,
                        has_device, device_id)
                """, logger: logger)
            if let secret = header.pseudonymSecret {
                try await connection.query(
                    """
                    INSERT INTO meta (key, value) VALUES (\(StoreRules.pseudonymSecretKey), \(secret))
                    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                    """, logger: logger)
            }
            let events = header.auditEvents
            try await connection.query(
                """
                INSERT INTO audit_events (at, actor_kind, actor, cohort, kind, details)
                SELECT at, actor_kind, actor, CASE WHEN has_cohort THEN cohort END, kind, details
                FROM unnest(\(events.map(\.time.millisecondsSince1970))::int8[], \(events.map(\.actorKind.rawValue))::text[],
                    \(events.map(\.actor))::text[], \(events.map { $0.cohort != nil })::bool[],
                    \(events.map { $0.cohort ?? "" })::text[], \(events.map(\.kind.rawValue))::text[],
                    \(events.map(\.detailsColumn))::text[])
                    WITH ORDINALITY AS e(at, actor_kind, actor, has_cohort, cohort, kind, details, position)
                ORDER BY position
                """, logger: logger)
            let surveys = header.surveys
            try await connection.query(
                """
                INSERT INTO surveys (cohort, id, version, definition, published_at)
                SELECT cohort, id, version::INTEGER, definition, published_at
                FROM unnest(\(surveys.map(\.cohort))::text[], \(surveys.map(\.id))::text[],
                    \(surveys.map { Int64($0.version) })::int8[], \(surveys.map(\.definition))::text[],
                    \(surveys.map(\.publishedAt.millisecondsSince1970))::int8[])
                    AS s(cohort, id, version, definition, published_at)
                """, logger: logger)
            var last: Int64 = 0
            var moved = Set<UUID>()
            while true {
                let page = try await nextRecords(last)
                guard let tail = page.last else { break }
                try await connection.query(RecordColumns(page.map(\.row)).upsert, logger: logger)
                moved.formUnion(page.map(\.record.id))
                last = tail.sequence
            }
            try await Self.insert(relays, connection: connection, logger: logger)
            let counter = try await connection.query(
                """
                UPDATE feed_counter SET last_sequence = (SELECT COALESCE(MAX(sequence), 0) FROM records)
                RETURNING last_sequence
                """, logger: logger
            ).collect().first?.decode(Int64.self) ?? 0
            return (moved.count, counter)
        }
    }
}
