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

extension SQLiteRecordStore {
    /// Reads one raw state.
    func storedState(of id: UUID) async throws -> Data? {
        try await read { db in
            try Data.fetchOne(db, sql: "SELECT state FROM records WHERE id = ?", arguments: [id.uuidString])
        }
    }

    /// Overwrites one raw state.
    func replaceStoredState(of id: UUID, with state: Data) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE records SET state = ? WHERE id = ?", arguments: [state, id.uuidString])
        }
    }
}

extension PostgresRecordStore {
    /// Reads one raw state.
    func storedState(of id: UUID) async throws -> Data? {
        try await rows("SELECT state FROM records WHERE id = \(id)").first?.decode(Data.self)
    }

    /// Overwrites one raw state.
    func replaceStoredState(of id: UUID, with state: Data) async throws {
        _ = try await rows("UPDATE records SET state = \(ByteBuffer(bytes: state)) WHERE id = \(id)")
    }
}

extension SQLiteRecordStore: StoreInspection {
    /// Reads the highest sequence.
    func maxSequence() async throws -> Int64 {
        try await read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(sequence), 0) FROM records") ?? 0 }
    }

    /// Reads the relay notes.
    func relayNotes() async throws -> [[String: String]] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT device_id, epoch, replicas FROM relays ORDER BY sequence").map {
                ["device_id": $0["device_id"] as String, "epoch": $0["epoch"] as String, "replicas": $0["replicas"] as String]
            }
        }
    }
}

extension SQLiteRecordStore {
    /// Reads the dashboard hashes.
    func dashboardHashes() async throws -> [Data] {
        try await read { db in
            try Data.fetchAll(db, sql: "SELECT link_hash FROM dashboard_links UNION ALL SELECT token_hash FROM dashboard_sessions")
        }
    }
}

extension PostgresRecordStore: StoreInspection {
    /// Reads the dashboard hashes.
    func dashboardHashes() async throws -> [Data] {
        try await rows(
            "SELECT h FROM (SELECT link_hash AS h, 1 AS k FROM dashboard_links UNION ALL SELECT token_hash, 2 FROM dashboard_sessions) AS x ORDER BY k"
        ).map { try $0.decode(Data.self) }
    }

    /// Reads the highest sequence.
    func maxSequence() async throws -> Int64 {
        try await rows("SELECT COALESCE(MAX(sequence), 0)::BIGINT FROM records").first?.decode(Int64.self) ?? 0
    }

    /// Reads the relay notes.
    func relayNotes() async throws -> [[String: String]] {
        try await rows("SELECT device_id, epoch, replicas FROM relays ORDER BY sequence").map {
            let (device, epoch, replicas) = try $0.decode((String, String, String).self)
            return ["device_id": device, "epoch": epoch, "replicas": replicas]
        }
    }
}

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
    /// Reads the survey columns.
    func surveyColumns(of id: UUID) async throws -> (survey: String?, version: Int64?) {
        try await read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT survey, survey_version FROM records WHERE id = ?", arguments: [id.uuidString])
            return (row?["survey"], row?["survey_version"])
        }
    }

    /// Adds a GRDB migration identifier this build does not know.
    func recordFutureMigration() async throws {
        try await write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v\(StoreSchema.newestVersion + 1) future')")
        }
    }

    /// Opens the same database again.
    func migrateAgain() async throws {
        _ = try SQLiteRecordStore(writer: writer)
    }
}

extension PostgresRecordStore: StoreColumnInspection {
    /// Reads the survey columns.
    func surveyColumns(of id: UUID) async throws -> (survey: String?, version: Int64?) {
        let row = try await rows("SELECT survey, survey_version::BIGINT FROM records WHERE id = \(id)").first
        return try row?.decode((String?, Int64?).self) ?? (nil, nil)
    }

    /// Adds a schema version this build does not know.
    func recordFutureMigration() async throws {
        _ = try await rows(
            "INSERT INTO schema_migrations (version, name) VALUES (\(StoreSchema.newestVersion + 1), 'future')")
    }

    /// Runs the migration again.
    func migrateAgain() async throws {
        try await migrate(random: SeededRandomSource(seed: 9))
    }
}
