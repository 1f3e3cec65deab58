import Foundation
import GRDB
import Logging
import PostgresNIO
import Testing

@testable import SyncServer

/// The store a test runs against: every store test runs once per kind.
enum StoreKind: String, Sendable, CustomTestStringConvertible {
    /// An in-memory SQLite database.
    case sqlite
    /// A new database on the PostgreSQL server named by `QS_POSTGRES_URL`.
    case postgres

    /// SQLite always; PostgreSQL when `QS_POSTGRES_URL` is set (scripts/test sets it, so there
    /// a missing PostgreSQL fails the run instead of skipping).
    static var all: [StoreKind] {
        TestPostgres.serverURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// The name shown in test results.
    var testDescription: String { rawValue }

    /// A new, empty, migrated store of this kind whose epoch and ids come from `random`, with
    /// `journal` as its erasure journal.
    func makeStore(random: any RandomSource, journal: ErasureJournal? = nil) async throws -> any RecordStore {
        switch self {
        case .sqlite: try SQLiteRecordStore(writer: DatabaseQueue(), random: random, journal: journal)
        case .postgres: try await TestPostgres.makeStore(random: random, journal: journal)
        }
    }
}
