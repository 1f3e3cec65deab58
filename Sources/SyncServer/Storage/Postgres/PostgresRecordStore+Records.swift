import Foundation
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// Deletes the relay notes of `ids`, then runs a plain `VACUUM records`, which marks the old
    /// tuples of the erased states (and their TOAST chunks) as free space to be overwritten; only
    /// `VACUUM (FULL) records` rewrites the table at once (docs/STORAGE.md).
    func scrubErased(ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await writing(Self.relayDeletion(ids))
        let logger = logger
        _ = try await withConnection { connection in try await connection.query("VACUUM records", logger: logger) }
    }
}
