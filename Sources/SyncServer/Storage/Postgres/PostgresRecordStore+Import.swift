import Foundation
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
            try await Self.run(Self.importing(header, newEpoch: newEpoch, at: time), on: connection, logger: logger)
            var last: Int64 = 0
            var moved = Set<UUID>()
            while true {
                let page = try await nextRecords(last)
                guard let tail = page.last else { break }
                try await Self.run(.insert(Self.upsert(page.map(\.row))) { .done(()) }, on: connection, logger: logger)
                moved.formUnion(page.map(\.record.id))
                last = tail.sequence
            }
            try await Self.run(.insert(Self.insertion(relays)) { .done(()) }, on: connection, logger: logger)
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
