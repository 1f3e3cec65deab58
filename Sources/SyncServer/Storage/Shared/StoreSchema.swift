import SyncModel

/// The schema every backend holds, written once: the append-only list of migrations, each spelled
/// in a backend's ``SchemaDialect``. Never edit a shipped migration; add a new one.
enum StoreSchema {
    /// One step of the schema history.
    struct Migration: Sendable {
        /// The version this step brings the database to; versions count up from 1.
        var version: Int
        /// What the step does.
        var name: String
        /// Spells the step's statements in a dialect, each run on its own.
        var spell: @Sendable (SchemaDialect) -> [String]

        /// The statements of this step in `dialect`, with the backend's own ones last.
        func statements(in dialect: SchemaDialect) -> [String] {
            spell(dialect) + (dialect.extraStatements[version] ?? [])
        }

        /// The identifier under which GRDB's migrator records this step in SQLite databases
        /// (the first step was registered as plain "v1").
        var sqliteIdentifier: String { version == 1 ? "v1" : "v\(version) \(name)" }
    }

    /// The newest schema version this build knows.
    static var newestVersion: Int { migrations.count }

    /// What version 1 stores besides its tables, in the same transaction: a new database's
    /// `epoch` and `server_replica`, made from `random`.
    static func seed(random: any RandomSource) -> StoreStatement {
        StoreStatement(
            sql: "INSERT INTO meta (key, value) VALUES ('epoch', ?), ('server_replica', ?)",
            binds: [.text(Epoch.make(using: random)), .text(ReplicaID(bytes: random.bytes(16)).description)])
    }

    /// The migrations, oldest first. Version 1 leaves `meta` empty; ``SQLRecordStore/migrating(_:random:)``
    /// adds the ``seed(random:)``.
    static let migrations: [Migration] = [
        Migration(version: 1, name: "sync schema") { d in
            [
                "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)\(d.tableOptions)",
                "CREATE TABLE retired_epochs (epoch TEXT PRIMARY KEY NOT NULL, retired_at \(d.int64) NOT NULL)\(d.tableOptions)",
                "CREATE TABLE cohorts (name TEXT PRIMARY KEY NOT NULL, created_at \(d.int64) NOT NULL)\(d.tableOptions)",
                """
                CREATE TABLE enrollment_codes (
                    code_hash \(d.blob) PRIMARY KEY NOT NULL,
                    cohort TEXT NOT NULL REFERENCES cohorts(name),
                    participant TEXT NOT NULL,
                    role TEXT NOT NULL,
                    created_at \(d.int64) NOT NULL,
                    expires_at \(d.int64) NOT NULL,
                    created_by TEXT NOT NULL,
                    used_at \(d.int64),
                    device_id TEXT
                )\(d.tableOptions)
                """,
                """
                CREATE TABLE devices (
                    id TEXT PRIMARY KEY NOT NULL,
                    cohort TEXT NOT NULL REFERENCES cohorts(name),
                    participant TEXT NOT NULL,
                    role TEXT NOT NULL,
                    name TEXT NOT NULL,
                    replica TEXT NOT NULL UNIQUE,
                    token_hash \(d.blob) NOT NULL,
                    created_at \(d.int64) NOT NULL,
                    revoked_at \(d.int64)
                )\(d.tableOptions)
                """,
                "CREATE INDEX devices_cohort ON devices (cohort, created_at)",
                """
                CREATE TABLE surveys (
                    cohort TEXT NOT NULL REFERENCES cohorts(name),
                    id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    definition TEXT NOT NULL,
                    published_at \(d.int64) NOT NULL,
                    PRIMARY KEY (cohort, id, version)
                )\(d.tableOptions)
                """,
                """
                CREATE TABLE records (
                    id \(d.uuid) PRIMARY KEY NOT NULL,
                    cohort TEXT NOT NULL,
                    collection TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    survey TEXT,
                    survey_version INTEGER,
                    scope TEXT NOT NULL,
                    sequence \(d.int64) NOT NULL UNIQUE,
                    state \(d.blob) NOT NULL,
                    updated_at \(d.int64) NOT NULL
                )\(d.tableOptions)
                """,
                "CREATE INDEX records_cohort_sequence ON records (cohort, sequence)",
                "CREATE INDEX records_scope_sequence ON records (cohort, scope, sequence)",
                """
                CREATE TABLE relays (
                    record_id \(d.uuid) NOT NULL,
                    device_id TEXT NOT NULL,
                    epoch TEXT NOT NULL,
                    replicas TEXT NOT NULL,
                    sequence \(d.int64) NOT NULL,
                    relayed_at \(d.int64) NOT NULL
                )\(d.tableOptions)
                """,
                "CREATE INDEX relays_record ON relays (record_id)",
            ]
        },
        Migration(version: 2, name: "dashboard logins") { d in
            [
                """
                CREATE TABLE dashboard_links (
                    link_hash \(d.blob) PRIMARY KEY NOT NULL,
                    cohort TEXT NOT NULL REFERENCES cohorts(name),
                    trainer TEXT NOT NULL,
                    created_at \(d.int64) NOT NULL,
                    expires_at \(d.int64) NOT NULL,
                    created_by TEXT NOT NULL,
                    used_at \(d.int64)
                )\(d.tableOptions)
                """,
                "CREATE INDEX dashboard_links_expiry ON dashboard_links (expires_at)",
                """
                CREATE TABLE dashboard_sessions (
                    token_hash \(d.blob) PRIMARY KEY NOT NULL,
                    cohort TEXT NOT NULL REFERENCES cohorts(name),
                    trainer TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at \(d.int64) NOT NULL,
                    expires_at \(d.int64) NOT NULL
                )\(d.tableOptions)
                """,
                "CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions (expires_at)",
            ]
        },
        Migration(version: 3, name: "record origins") { _ in
            // The device whose push produced exactly the stored state, or NULL; see `StoredChangesPage`.
            ["ALTER TABLE records ADD COLUMN origin TEXT"]
        },
        Migration(version: 4, name: "audit trail") { d in
            // Append-only: the stores insert and read, never update or delete (see `AuditEvent`).
            // `details` is a JSON object of strings with sorted keys; never content.
            [
                """
                CREATE TABLE audit_events (
                    at \(d.int64) NOT NULL,
                    actor_kind TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    cohort TEXT,
                    kind TEXT NOT NULL,
                    details TEXT NOT NULL
                )\(d.tableOptions)
                """,
                "CREATE INDEX audit_events_time ON audit_events (at)",
                "CREATE INDEX audit_events_cohort ON audit_events (cohort, at)",
            ]
        },
    ]
}
