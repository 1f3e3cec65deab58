import Foundation
import GRDB
import SyncModel

/// The default store: one SQLite file through GRDB, in WAL mode with `synchronous=FULL`, so an
/// acknowledged push survives a power cut.
final class SQLiteRecordStore: RecordStore {
    /// The database; a `DatabasePool` for files, a `DatabaseQueue` in memory for tests.
    let writer: any DatabaseWriter
    /// The erasure journal: `<path>.erasures` for a file, unless another is given; none in memory.
    let erasureJournal: ErasureJournal?
    /// Commits the pushes that wait at the same moment in one transaction.
    let groupCommit: GroupCommit<Database>

    /// Opens (creating owner-only when missing) the database file at `path` and migrates it;
    /// `random` makes the epoch and server replica of a new database. Its erasure journal is
    /// `journal`, by default `<path>.erasures`.
    convenience init(path: String, random: any RandomSource = SystemRandomSource(), journal: ErasureJournal? = nil) throws {
        try Self.createOwnerOnlyFile(at: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Deleted and overwritten content is zeroed, so an erased answer leaves no bytes behind.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try self.init(
            writer: pool, random: random, location: "sqlite:\(path)",
            journal: journal ?? ErasureJournal.beside(databasePath: path))
    }

    /// Wraps an open database and migrates it, refusing one with a newer schema; use an
    /// in-memory `DatabaseQueue` in tests. `location` names the database in messages.
    init(
        writer: any DatabaseWriter, random: any RandomSource = SystemRandomSource(), location: String = "sqlite::memory:",
        journal: ErasureJournal? = nil
    ) throws {
        self.writer = writer
        self.erasureJournal = journal
        self.groupCommit = Self.makeGroupCommit(writer)
        do {
            try writer.read { db in try Self.refuseNewerSchema(db, location: location) }
            try Self.migrator(random: random).migrate(writer)
        } catch {
            throw Self.mapped(error)
        }
    }

    /// An in-memory store for tests.
    static func inMemory(random: any RandomSource = SystemRandomSource()) throws -> SQLiteRecordStore {
        try SQLiteRecordStore(writer: DatabaseQueue(), random: random)
    }

    /// Checkpoints and closes the database; call once nothing uses the store any more.
    func close() throws {
        if let pool = writer as? DatabasePool {
            // Read-only reader connections cannot remove the WAL, so empty it while writing is possible.
            try? pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try pool.close()
        } else if let queue = writer as? DatabaseQueue {
            try queue.close()
        }
    }

    /// Creates an empty file readable and writable by the owner only, when none exists.
    ///
    /// SQLite gives its `-wal` and `-shm` files the same permissions.
    static func createOwnerOnlyFile(at path: String) throws {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: path) else { return }
        guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.unavailable(AdminTexts.text("admin.db.cannotCreate", ["path": path]))
        }
    }

    /// Maps SQLite's "cannot write now" failures to `StoreError.unavailable`; keeps others.
    static func mapped(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_BUSY, .SQLITE_LOCKED,
            .SQLITE_PERM, .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_NOLFS:
            return StoreError.unavailable("SQLite error \(error.resultCode.rawValue)")
        default:
            return error
        }
    }
}
