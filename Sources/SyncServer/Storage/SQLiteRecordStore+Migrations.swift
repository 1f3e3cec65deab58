import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// The append-only schema history; never edit a registered migration, add a new one.
    static func migrator(random: any RandomSource) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
                    CREATE TABLE retired_epochs (epoch TEXT PRIMARY KEY NOT NULL, retired_at INTEGER NOT NULL) STRICT;
                    CREATE TABLE cohorts (name TEXT PRIMARY KEY NOT NULL, created_at INTEGER NOT NULL) STRICT;
                    CREATE TABLE enrollment_codes (
                        code_hash BLOB PRIMARY KEY NOT NULL,
                        cohort TEXT NOT NULL REFERENCES cohorts(name),
                        participant TEXT NOT NULL,
                        role TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        created_by TEXT NOT NULL,
                        used_at INTEGER,
                        device_id TEXT
                    ) STRICT;
                    CREATE TABLE devices (
                        id TEXT PRIMARY KEY NOT NULL,
                        cohort TEXT NOT NULL REFERENCES cohorts(name),
                        participant TEXT NOT NULL,
                        role TEXT NOT NULL,
                        name TEXT NOT NULL,
                        replica TEXT NOT NULL UNIQUE,
                        token_hash BLOB NOT NULL,
                        created_at INTEGER NOT NULL,
                        revoked_at INTEGER
                    ) STRICT;
                    CREATE INDEX devices_cohort ON devices(cohort, created_at);
                    CREATE TABLE surveys (
                        cohort TEXT NOT NULL REFERENCES cohorts(name),
                        id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        definition TEXT NOT NULL,
                        published_at INTEGER NOT NULL,
                        PRIMARY KEY (cohort, id, version)
                    ) STRICT;
                    CREATE TABLE records (
                        id TEXT PRIMARY KEY NOT NULL,
                        cohort TEXT NOT NULL,
                        collection TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        survey TEXT,
                        survey_version INTEGER,
                        scope TEXT NOT NULL,
                        sequence INTEGER NOT NULL UNIQUE,
                        state BLOB NOT NULL,
                        updated_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX records_cohort_sequence ON records(cohort, sequence);
                    CREATE INDEX records_scope_sequence ON records(cohort, scope, sequence);
                    CREATE TABLE relays (
                        record_id TEXT NOT NULL,
                        device_id TEXT NOT NULL,
                        epoch TEXT NOT NULL,
                        replicas TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        relayed_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX relays_record ON relays(record_id);
                    """)
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES ('epoch', ?), ('server_replica', ?)",
                arguments: [Epoch.make(using: random), ReplicaID(bytes: random.bytes(16)).description])
        }
        migrator.registerMigration("v2 dashboard logins") { db in
            try db.execute(
                sql: """
                    CREATE TABLE dashboard_links (
                        link_hash BLOB PRIMARY KEY NOT NULL,
                        cohort TEXT NOT NULL REFERENCES cohorts(name),
                        trainer TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        created_by TEXT NOT NULL,
                        used_at INTEGER
                    ) STRICT;
                    CREATE INDEX dashboard_links_expiry ON dashboard_links(expires_at);
                    CREATE TABLE dashboard_sessions (
                        token_hash BLOB PRIMARY KEY NOT NULL,
                        cohort TEXT NOT NULL REFERENCES cohorts(name),
                        trainer TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions(expires_at);
                    """)
        }
        migrator.registerMigration("v3 record origins") { db in
            // The device whose push produced exactly the stored state, or NULL; see `changes`.
            try db.execute(sql: "ALTER TABLE records ADD COLUMN origin TEXT")
        }
        return migrator
    }
}
