import Crypto
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

    /// How record states and the token are kept: plain, sealed, or locked (encrypted, no key).
    let sealing: StateSealing

    /// Wraps a database and brings its schema up to date; an encrypted store comes back locked.
    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        let migrator = Self.migrator
        if try writer.read({ db in try migrator.hasBeenSuperseded(db) }) {
            throw StoreOpenError.tooNew(path: writer.path)
        }
        try migrator.migrate(writer)
        sealing = try writer.read { db in try Self.fetchEnvelope(db) } == nil ? .plain : .locked
    }

    private init(writer: any DatabaseWriter, sealing: StateSealing) {
        self.writer = writer
        self.sealing = sealing
    }

    /// This store with `sealing` (after unlocking it, or after setting up its encryption).
    func with(_ sealing: StateSealing) -> LocalStore { LocalStore(writer: writer, sealing: sealing) }

    /// A fresh in-memory store, for tests; with `key`, encrypted and unlocked.
    static func inMemory(key: SymmetricKey? = nil) throws -> LocalStore {
        let store = try LocalStore(writer: DatabaseQueue())
        guard let key else { return store }
        let envelope = try StoreKeyEnvelope.make(storeKey: key, passphrase: "in-memory", parameters: .testOnly)
        try store.saveEncryption(envelope)
        return store.with(.sealed(StoreCipher(key: key)))
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
        // Encryption at rest: `state` holds sealed BLOBs in encrypted stores (TEXT in plain ones),
        // and the `encryption` row says which a store is. A store that joined before this migration
        // is plain; an empty one decides at `join`.
        migrator.registerMigration("v2-encryption") { db in
            try db.execute(
                sql: """
                    CREATE TABLE records_v2 (
                        id TEXT PRIMARY KEY NOT NULL,
                        collection TEXT NOT NULL,
                        survey TEXT,
                        survey_version INTEGER,
                        owner TEXT NOT NULL,
                        state ANY NOT NULL,
                        revision INTEGER NOT NULL DEFAULT 0,
                        synced_revision INTEGER NOT NULL DEFAULT 0,
                        rejection TEXT,
                        created_at INTEGER NOT NULL
                    ) STRICT;
                    INSERT INTO records_v2 SELECT * FROM records;
                    DROP TABLE records;
                    ALTER TABLE records_v2 RENAME TO records;
                    CREATE INDEX records_by_collection ON records (collection, created_at);
                    CREATE INDEX records_pending ON records (id) WHERE revision > synced_revision;
                    CREATE TABLE encryption (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        scheme TEXT NOT NULL,
                        store_id TEXT NOT NULL,
                        kdf_log_n INTEGER,
                        kdf_block_size INTEGER,
                        kdf_parallelism INTEGER,
                        salt BLOB,
                        wrapped_key BLOB,
                        key_check BLOB
                    ) STRICT;
                    INSERT INTO encryption (id, scheme, store_id)
                        SELECT 1, 'none', lower(hex(randomblob(16))) WHERE EXISTS (SELECT 1 FROM device);
                    """)
        }
        // A summary in plain columns, so that `status` counts without opening sealed states:
        // `conflicted` (1 when the state has open conflicts; NULL until known: rows from before
        // this migration, filled in by `LocalStore.fillSummary` once the store is unlocked) and
        // `damaged` (1 once a command found the sealed state damaged; a new state clears it).
        migrator.registerMigration("v3-summary") { db in
            try db.execute(
                sql: """
                    ALTER TABLE records ADD COLUMN conflicted INTEGER;
                    ALTER TABLE records ADD COLUMN damaged INTEGER NOT NULL DEFAULT 0;
                    CREATE INDEX records_conflicted ON records (id) WHERE conflicted = 1;
                    CREATE INDEX records_unsummarized ON records (id) WHERE conflicted IS NULL;
                    CREATE INDEX records_damaged ON records (id) WHERE damaged = 1;
                    CREATE INDEX records_rejected ON records (id) WHERE rejection IS NOT NULL;
                    """)
        }
        // Where each record stands in review (`ReviewMark`), so that `status` counts open questions
        // and responses waiting for a trainer without opening sealed states: `review` is NULL until
        // known (rows from before this migration, filled in by `LocalStore.fillSummary` once the
        // store is unlocked, decoding each state once). The index of waiting responses, which in a
        // trainer's store are most of them, is keyed by the constant mark, so that the rows of an
        // initial sync are appended to it in rowid order instead of inserted at random ids.
        migrator.registerMigration("v4-review") { db in
            try db.execute(
                sql: """
                    ALTER TABLE records ADD COLUMN review TEXT;
                    CREATE INDEX records_review_open ON records (owner) WHERE review = 'open';
                    CREATE INDEX records_review_waiting ON records (review) WHERE review = 'waiting';
                    CREATE INDEX records_review_unknown ON records (id) WHERE review IS NULL;
                    """)
        }
        return migrator
    }

    /// The JSON of a stored record state: sorted keys, so equal states are equal text.
    static func encode(_ record: Record) throws -> String {
        String(decoding: try FastJSON.encode(record), as: UTF8.self)
    }

    /// The value of the `state` column for `record`: its JSON text, or sealed and bound to its id.
    func stateValue(_ record: Record) throws -> DatabaseValue {
        switch sealing {
        case .plain:
            return try Self.encode(record).databaseValue
        case .sealed(let cipher):
            let json = try FastJSON.encode(record)
            return try cipher.seal(json, context: StoreCipher.recordContext(Self.key(record.id))).databaseValue
        case .locked:
            throw StoreLockedError()
        }
    }

    /// The record in a `state` column of the row with id `key`; `DamagedRecordError` when a sealed
    /// state was altered or belongs to another row.
    func decodeState(_ value: DatabaseValue, key: String) throws -> Record {
        switch (sealing, value.storage) {
        case (.plain, .string(let text)):
            return try Self.decodeRecord(text)
        case (.sealed(let cipher), .blob(let sealed)):
            guard let json = try? cipher.open(sealed, context: StoreCipher.recordContext(key)),
                let record = try? json.withUnsafeBytes({ try FastJSON.decode(Record.self, from: $0) })
            else { throw DamagedRecordError(id: key) }
            return record
        case (.locked, _):
            throw StoreLockedError()
        default:
            throw DamagedRecordError(id: key)
        }
    }

    /// Decodes a stored record state.
    static func decodeRecord(_ text: String) throws -> Record {
        var text = text
        return try text.withUTF8 { try FastJSON.decode(Record.self, from: UnsafeRawBufferPointer($0)) }
    }
}
