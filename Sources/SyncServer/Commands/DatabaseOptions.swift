import ArgumentParser
import Foundation
import Logging

/// The `--db` flag shared by every command, with SYNCSERVER_DB as its environment variable.
struct DatabaseOptions: ParsableArguments {
    /// The default database file.
    static let defaultPath = "./syncserver.sqlite"

    /// The flag's value, when given.
    @Option(
        name: .long,
        help: ArgumentHelp(AdminTexts.text("admin.option.db")))
    var db: String?

    /// `--erasure-journal`, when given.
    @Option(name: .customLong("erasure-journal"), help: ArgumentHelp(AdminTexts.text("admin.option.erasureJournal")))
    var erasureJournal: String?

    /// The erasure journal as given: the flag, else SYNCSERVER_ERASURE_JOURNAL, else nil (the
    /// store's default: `<db>.erasures` for SQLite, none for PostgreSQL).
    var journal: ErasureJournal? {
        (erasureJournal ?? ProcessInfo.processInfo.environment["SYNCSERVER_ERASURE_JOURNAL"])
            .flatMap { $0.isEmpty ? nil : ErasureJournal(path: $0) }
    }

    /// The location as given: the flag, else SYNCSERVER_DB, else the default file.
    var text: String {
        db ?? ProcessInfo.processInfo.environment["SYNCSERVER_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultPath
    }

    /// The parsed location; `validate()` has checked it.
    var location: StoreLocation {
        get throws { try StoreLocation(parsing: text) }
    }

    /// Rejects an empty path and malformed PostgreSQL URLs.
    func validate() throws {
        if let db, db.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(AdminTexts.text("admin.option.dbEmpty"))
        }
        do {
            _ = try location
        } catch let error as CommandFailure {
            throw ValidationError(error.message)
        }
    }

    /// Opens (creating if needed) the store; PostgreSQL's pool still has to run (see `OpenedRecordStore`).
    func open(logger: Logger = .quiet) throws -> OpenedRecordStore {
        try RecordStoreFactory.makeRecordStore(at: try location, logger: logger, journal: journal)
    }

    /// Opens the store, runs `body` with it and closes it again.
    func withStore<T: Sendable>(_ body: @Sendable (any RecordStore) async throws -> T) async throws -> T {
        try await open().use(body)
    }
}
