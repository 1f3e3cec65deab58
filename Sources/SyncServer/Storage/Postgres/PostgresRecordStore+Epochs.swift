import Foundation
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// Reads the current epoch.
    func epoch() async throws -> String {
        try StoreRules.requireEpoch(await rows("SELECT value FROM meta WHERE key = 'epoch'").first?.decode(String.self))
    }

    /// Lists retired epochs, newest first.
    func retiredEpochs() async throws -> [RetiredEpoch] {
        try await rows("SELECT epoch, retired_at FROM retired_epochs ORDER BY retired_at DESC, epoch COLLATE \"C\"").map {
            let (epoch, retiredAt) = try $0.decode((String, Int64).self)
            return RetiredEpoch(epoch: epoch, retiredAt: Timestamp(millisecondsSince1970: retiredAt))
        }
    }

    /// Retires the current epoch and makes `newEpoch` current.
    func rotateEpoch(to newEpoch: String, at time: Timestamp) async throws -> RetiredEpoch {
        try await transaction { [self] connection in
            try await Self.rotateEpoch(connection, to: newEpoch, at: time, logger: logger)
        }
    }

    /// Retires the current epoch inside a transaction.
    static func rotateEpoch(
        _ connection: PostgresConnection, to newEpoch: String, at time: Timestamp, logger: Logger
    ) async throws -> RetiredEpoch {
        let old = try StoreRules.requireEpoch(
            await connection.query("SELECT value FROM meta WHERE key = 'epoch' FOR UPDATE", logger: logger)
                .collect().first?.decode(String.self))
        try await connection.query(
            """
            INSERT INTO retired_epochs (epoch, retired_at) VALUES (\(old), \(time.millisecondsSince1970))
            ON CONFLICT (epoch) DO UPDATE SET retired_at = excluded.retired_at
            """, logger: logger)
        try await connection.query("UPDATE meta SET value = \(newEpoch) WHERE key = 'epoch'", logger: logger)
        return RetiredEpoch(epoch: old, retiredAt: time)
    }

    /// Reads the server's replica id.
    func serverReplica() async throws -> ReplicaID {
        try StoreRules.requireServerReplica(
            await rows("SELECT value FROM meta WHERE key = 'server_replica'").first?.decode(String.self))
    }
}
