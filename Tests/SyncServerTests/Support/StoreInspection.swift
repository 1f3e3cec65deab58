import Foundation
import GRDB
import Hummingbird
import PostgresNIO

@testable import SyncServer

/// What tests read from a store beyond the `RecordStore` protocol, for each kind.
protocol StoreInspection {
    /// The highest feed sequence handed out, 0 when none.
    func maxSequence() async throws -> Int64
    /// The relay notes as (device id, epoch, replicas), oldest first.
    func relayNotes() async throws -> [[String: String]]
    /// Every stored dashboard link hash, then every session token hash.
    func dashboardHashes() async throws -> [Data]
    /// The raw `state` column of record `id`; nil when it is not stored.
    func storedState(of id: UUID) async throws -> Data?
    /// Overwrites the raw `state` column of record `id`, e.g. with the JSON an older server stored.
    func replaceStoredState(of id: UUID, with state: Data) async throws
}

extension SQLRecordStore {
    /// Reads one raw state.
    func storedState(of id: UUID) async throws -> Data? {
        try await reading(.rows("SELECT state FROM records WHERE id = ?", [.uuid(id)]) { try $0.first?.blob(0) })
    }

    /// Overwrites one raw state.
    func replaceStoredState(of id: UUID, with state: Data) async throws {
        try await writing(.rows("UPDATE records SET state = ? WHERE id = ?", [.blob(state), .uuid(id)]) { _ in })
    }

    /// Reads the highest sequence.
    func maxSequence() async throws -> Int64 {
        try await reading(.rows("SELECT COALESCE(MAX(sequence), 0) FROM records") { try $0.first?.int(0) ?? 0 })
    }

    /// Reads the relay notes.
    func relayNotes() async throws -> [[String: String]] {
        try await reading(
            .rows("SELECT device_id, epoch, replicas FROM relays ORDER BY sequence") { rows in
                try rows.map { ["device_id": try $0.text(0), "epoch": try $0.text(1), "replicas": try $0.text(2)] }
            })
    }

    /// Reads the dashboard hashes.
    func dashboardHashes() async throws -> [Data] {
        try await reading(
            .rows(
                """
                SELECT h FROM (SELECT link_hash AS h, 1 AS k FROM dashboard_links
                UNION ALL SELECT token_hash, 2 FROM dashboard_sessions) AS x ORDER BY k
                """
            ) { try $0.map { try $0.blob(0) } })
    }

    /// Reads the survey columns.
    func surveyColumns(of id: UUID) async throws -> (survey: String?, version: Int64?) {
        try await reading(
            .rows("SELECT survey, survey_version FROM records WHERE id = ?", [.uuid(id)]) { rows in
                (try rows.first?.optionalText(0), try rows.first?.optionalInt(1))
            })
    }
}

extension SQLiteRecordStore: StoreInspection {}

extension PostgresRecordStore: StoreInspection {}

/// The columns of one stored record that the backends derive from it, and the schema version,
/// for the conformance cases of the storage boundary.
protocol StoreColumnInspection {
    /// The `survey` and `survey_version` columns of record `id`.
    func surveyColumns(of id: UUID) async throws -> (survey: String?, version: Int64?)
    /// Records that a newer syncserver migrated the database one step further than this build knows.
    func recordFutureMigration() async throws
    /// Runs the store's migration again, as a restart does.
    func migrateAgain() async throws
}

extension SQLiteRecordStore: StoreColumnInspection {
    /// Adds a GRDB migration identifier this build does not know.
    func recordFutureMigration() async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v\(StoreSchema.newestVersion + 1) future')")
        }
    }

    /// Opens the same database again.
    func migrateAgain() async throws {
        _ = try SQLiteRecordStore(writer: writer)
    }
}

extension PostgresRecordStore: StoreColumnInspection {
    /// Adds a schema version this build does not know.
    func recordFutureMigration() async throws {
        try await writing(
            .rows(
                "INSERT INTO schema_migrations (version, name) VALUES (?, 'future')",
                [.int(Int64(StoreSchema.newestVersion + 1))]
            ) { _ in })
    }

    /// Runs the migration again.
    func migrateAgain() async throws {
        try await migrate(random: SeededRandomSource(seed: 9))
    }
}
