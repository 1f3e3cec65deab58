import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LocalStore {
    /// The default store path: `$XDG_DATA_HOME/fieldclient/store.sqlite`, else `~/.local/share/fieldclient/store.sqlite`.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return xdg + "/fieldclient/store.sqlite"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/fieldclient/store.sqlite"
    }

    /// Opens (or creates) the store file at `path`, owner-only, refusing damaged or foreign files
    /// without changing them.
    static func open(at path: String) throws -> LocalStore {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let manager = FileManager.default
        // Everything this process creates from now on is owner-only: the file, -wal and -shm.
        umask(0o077)
        if !manager.fileExists(atPath: directory) {
            do {
                try manager.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreOpenError.inaccessible(path: path, detail: "cannot create the folder \(directory)")
            }
        }
        if manager.fileExists(atPath: path) {
            try checkHeader(path: path)
            for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: path + suffix) {
                chmod(path + suffix, 0o600)
            }
        }
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            // Deleted and overwritten content is zeroed, so an erased answer leaves no bytes behind.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            return try LocalStore(writer: pool)
        } catch let error as StoreOpenError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                throw StoreOpenError.corrupted(path: path, detail: "SQLite says: \(error.message ?? "damaged")")
            default:
                throw StoreOpenError.inaccessible(path: path, detail: error.message ?? "\(error.resultCode)")
            }
        }
    }

    /// Throws unless the file is empty, or an SQLite file with no application id or ours.
    private static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreOpenError.inaccessible(path: path, detail: "the file cannot be read")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        if header.isEmpty { return }
        let magic = Data("SQLite format 3\u{0}".utf8)
        guard header.count == 100, header.prefix(16) == magic else {
            throw StoreOpenError.corrupted(path: path, detail: "it is not an SQLite database")
        }
        let bytes = [UInt8](header[68..<72])
        let identifier = Int32(bitPattern: UInt32(bytes[0]) << 24 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 8 | UInt32(bytes[3]))
        if identifier == applicationID { return }
        guard identifier == 0 else { throw StoreOpenError.foreign(path: path) }
        // No application id in the file itself: ours when the write-ahead log holds it (a store whose
        // program was killed or lost power before the log was copied into the file), else only a store
        // that crashed before its first migration, with no tables.
        var configuration = Configuration()
        configuration.readonly = true
        let (tables, logged): ([String], Int32?)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            (tables, logged) = try queue.read { db in
                (
                    try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"),
                    try Int32.fetchOne(db, sql: "PRAGMA application_id")
                )
            }
            try queue.close()
        } catch {
            throw StoreOpenError.corrupted(path: path, detail: "it cannot be read")
        }
        if logged == applicationID { return }
        if !tables.isEmpty { throw StoreOpenError.foreign(path: path) }
    }
}
