import ArgumentParser
import Foundation

/// The `--db` flag shared by every command, with SYNCSERVER_DB as its environment variable.
struct DatabaseOptions: ParsableArguments {
    /// The default database file.
    static let defaultPath = "./syncserver.sqlite"

    /// The flag's value, when given.
    @Option(name: .long, help: "The SQLite database file (env SYNCSERVER_DB; default ./syncserver.sqlite).")
    var db: String?

    /// The database path: the flag, else SYNCSERVER_DB, else the default.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["SYNCSERVER_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultPath
    }

    /// Rejects an empty path.
    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--db is empty. Give the database file, e.g. --db /var/lib/syncserver/sync.sqlite.")
        }
    }

    /// Opens (creating if needed) the store.
    func openStore() throws -> SQLiteRecordStore {
        do {
            return try SQLiteRecordStore(path: path)
        } catch {
            throw CommandFailure("Cannot open the database \(path): \(error). Check the path and its permissions.")
        }
    }
}
