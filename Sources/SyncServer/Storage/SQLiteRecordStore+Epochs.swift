import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
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
                return try Self.run(Self.rotation(to: newEpoch, at: time), in: db)
            }
            try copy.close()
            return retired
        } catch {
            try? manager.removeItem(atPath: path)
            throw Self.mapped(error)
        }
    }
}
