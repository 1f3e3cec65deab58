import Foundation
import Logging
import PostgresNIO

/// Turns a `--db` location into a store, for `serve` and the admin commands (`migrate` and
/// `backup` open their SQLite source directly).
enum RecordStoreFactory {
    /// How long a first connection to PostgreSQL may take before the database counts as unreachable.
    static let connectDeadline: Duration = .seconds(15)

    /// Opens the store at `location`: a SQLite file is created (owner-only) and migrated now; a
    /// PostgreSQL database is migrated by `prepare` once its pool runs. `journal` overrides the
    /// erasure journal (default: `<path>.erasures` for SQLite, none for PostgreSQL); `prepare`
    /// re-applies its erasures, so a restored backup or a migrated database loses them again.
    static func makeRecordStore(
        at location: StoreLocation, logger: Logger, random: any RandomSource = SystemRandomSource(),
        journal: ErasureJournal? = nil, reapplyingJournal: Bool = true
    ) throws -> OpenedRecordStore {
        switch location {
        case .sqlite(let path):
            let store: SQLiteRecordStore
            do {
                store = try SQLiteRecordStore(path: path, random: random, journal: journal)
            } catch {
                // Rule messages (a newer schema) say what to do; bare failures get the usual advice.
                let reason = describe(error)
                throw CommandFailure(
                    AdminTexts.text("admin.db.cannotOpen", ["path": path, "reason": reason])
                        + (reason.hasSuffix(".") ? "" : ". " + AdminTexts.text("admin.db.checkPath")))
            }
            return OpenedRecordStore(
                store: store, services: [],
                prepare: { if reapplyingJournal { try await reapplyErasures(store, logger: logger) } },
                close: { try store.close() })
        case .postgres(let postgres):
            // PostgresNIO's debug and trace logs can carry query parameters, i.e. answers: never below info.
            var storeLogger = logger
            storeLogger.logLevel = max(logger.logLevel, .info)
            let store = PostgresRecordStore(location: postgres, logger: storeLogger, journal: journal)
            return OpenedRecordStore(
                store: store, services: [store.client],
                prepare: {
                    try await prepare(store, random: random)
                    if reapplyingJournal { try await reapplyErasures(store, logger: logger) }
                },
                close: {})
        }
    }

    /// Migrates `store`, turning an unreachable or refusing database into a message that says what to check.
    static func prepare(_ store: PostgresRecordStore, random: any RandomSource) async throws {
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    // One direct connection first: the pool retries quietly, this reports why it fails.
                    let connection = try await PostgresConnection.connect(
                        configuration: try store.location.connectionConfiguration, id: 0, logger: store.logger)
                    try? await connection.close()
                    try await store.migrate(random: random)
                }
                group.addTask {
                    try await Task.sleep(for: connectDeadline)
                    throw StoreError.unavailable("no answer within \(connectDeadline)")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            throw CommandFailure(
                AdminTexts.text(
                    "admin.db.postgresUnusable", ["location": store.location.description, "reason": Self.describe(error)]))
        }
    }

    /// Re-applies the erasure journal of `store` (`RecordErasure.reapplyJournal()`), turning a
    /// journal that cannot be read, or could not take the next erasure, into a message that says
    /// what to check before anything is changed.
    static func reapplyErasures(_ store: any RecordStore, logger: Logger) async throws {
        if let journal = store.erasureJournal, !journal.isWritable {
            throw CommandFailure(AdminTexts.text("admin.db.journalUnwritable", ["path": journal.path]))
        }
        do {
            try await RecordErasure(store: store, environment: ServerEnvironment(logger: logger)).reapplyJournal()
        } catch {
            throw CommandFailure(AdminTexts.text("admin.db.journalUnreadable", ["reason": describe(error)]))
        }
    }

    /// A short description of a storage error for an operator.
    static func describe(_ error: any Error) -> String {
        if let error = error as? StoreError {
            switch error {
            case .unavailable(let message), .conflict(let message), .notFound(let message): return message
            case .invalidCode: return "invalid code"
            case .invalidLink: return "invalid link"
            }
        }
        if let message = PostgresRecordStore.serverMessage(of: error) { return message }
        return String(describing: error)
    }
}
