import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Reads the current epoch.
    func epoch() async throws -> String {
        try await read { db in try Self.epoch(db) }
    }

    /// Reads the current epoch inside a transaction.
    static func epoch(_ db: Database) throws -> String {
        try StoreRules.requireEpoch(String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'epoch'"))
    }

    /// Lists retired epochs, newest first.
    func retiredEpochs() async throws -> [RetiredEpoch] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT epoch, retired_at FROM retired_epochs ORDER BY retired_at DESC, epoch")
                .map { RetiredEpoch(epoch: $0["epoch"], retiredAt: Timestamp(millisecondsSince1970: $0["retired_at"])) }
        }
    }

    /// Retires the current epoch and makes `newEpoch` current.
    func rotateEpoch(to newEpoch: String, at time: Timestamp) async throws -> RetiredEpoch {
        try await write { db in try Self.rotateEpoch(db, to: newEpoch, at: time) }
    }

    /// Retires the current epoch inside a transaction.
    static func rotateEpoch(_ db: Database, to newEpoch: String, at time: Timestamp) throws -> RetiredEpoch {
        let old = try epoch(db)
        try db.execute(
            sql: "INSERT OR REPLACE INTO retired_epochs (epoch, retired_at) VALUES (?, ?)",
            arguments: [old, time.millisecondsSince1970])
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'epoch'", arguments: [newEpoch])
        return RetiredEpoch(epoch: old, retiredAt: time)
    }

    /// Reads the server's replica id.
    func serverReplica() async throws -> ReplicaID {
        try await read { db in
            try StoreRules.requireServerReplica(String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'server_replica'"))
        }
    }

    /// Writes a consistent copy of the live database to `path` with SQLite's `VACUUM INTO`,
    /// then gives the copy `newEpoch` and lists the live epoch as retired in it.
    ///
    /// Restoring the copy therefore tells every client to upload again, and accepts the
    /// relayed writes of devices that knew the old epoch. The copy is owner-only.
    func backup(to path: String, newEpoch: String, at time: Timestamp) async throws -> RetiredEpoch {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            throw StoreError.conflict("\(path) exists. Choose a new file name; a backup never overwrites.")
        }
        try Self.createOwnerOnlyFile(at: path)
        do {
            try await writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
            let copy = try DatabaseQueue(path: path)
            let retired = try await copy.write { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                return try Self.rotateEpoch(db, to: newEpoch, at: time)
            }
            try copy.close()
            return retired
        } catch {
            try? manager.removeItem(atPath: path)
            throw Self.mapped(error)
        }
    }
}
