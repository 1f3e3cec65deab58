import Foundation
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
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
            try await Self.run(Self.emptiness(at: location.description), on: connection, logger: logger)
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
