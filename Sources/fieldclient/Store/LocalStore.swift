import Foundation
import GRDB
import SyncModel

/// The device's local SQLite store: device identity, surveys, records with change tracking,
/// and the sync cursor. Every method runs in its own transaction.
struct LocalStore: Sendable {
    /// `PRAGMA application_id` of fieldclient stores ("QSFC"), to tell them from other SQLite files.
    static let applicationID: Int32 = 0x5153_4643

    /// The database.
    let writer: any DatabaseWriter

    /// Wraps a database and brings its schema up to date.
    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        let migrator = Self.migrator
        if try writer.read({ db in try migrator.hasBeenSuperseded(db) }) {
            throw StoreOpenError.tooNew(path: writer.path)
        }
        try migrator.migrate(writer)
    }

    /// A fresh in-memory store, for tests.
    static func inMemory() throws -> LocalStore {
        try LocalStore(writer: DatabaseQueue())
    }

    /// The append-only schema history; never edit a migration that has shipped.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    PRAGMA application_id = \(applicationID);
                    CREATE TABLE device (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        server_url TEXT NOT NULL,
                        token TEXT NOT NULL,
                        device_id TEXT NOT NULL,
                        replica_id TEXT NOT NULL,
                        cohort TEXT NOT NULL,
                        participant TEXT NOT NULL,
                        role TEXT NOT NULL,
                        device_name TEXT NOT NULL,
                        joined_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE sync_state (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        epoch TEXT,
                        pending_epoch TEXT,
                        cursor TEXT NOT NULL DEFAULT '',
                        last_sync_at INTEGER
                    ) STRICT;
                    INSERT INTO sync_state (id) VALUES (1);
                    CREATE TABLE surveys (
                        id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        definition TEXT NOT NULL,
                        PRIMARY KEY (id, version)
                    ) STRICT;
                    CREATE TABLE records (
                        id TEXT PRIMARY KEY NOT NULL,
                        collection TEXT NOT NULL,
                        survey TEXT,
                        survey_version INTEGER,
                        owner TEXT NOT NULL,
                        state TEXT NOT NULL,
                        revision INTEGER NOT NULL DEFAULT 0,
                        synced_revision INTEGER NOT NULL DEFAULT 0,
                        rejection TEXT,
                        created_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX records_by_collection ON records (collection, created_at);
                    CREATE INDEX records_pending ON records (id) WHERE revision > synced_revision;
                    """)
        }
        return migrator
    }

    /// The JSON of a stored record state: sorted keys, so equal states are equal text.
    static func encode(_ record: Record) throws -> String {
        String(decoding: try FastJSON.encode(record), as: UTF8.self)
    }

    /// Decodes a stored record state.
    static func decodeRecord(_ text: String) throws -> Record {
        var text = text
        return try text.withUTF8 { try FastJSON.decode(Record.self, from: UnsafeRawBufferPointer($0)) }
    }
}
