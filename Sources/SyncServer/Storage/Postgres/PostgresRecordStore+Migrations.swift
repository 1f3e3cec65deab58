import Foundation
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// The append-only schema history; never edit a shipped migration, add a new one.
    static let migrations: [PostgresMigration] = [
        PostgresMigration(
            version: 1, name: "sync schema",
            statements: [
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                "CREATE TABLE retired_epochs (epoch TEXT PRIMARY KEY, retired_at BIGINT NOT NULL)",
                "CREATE TABLE cohorts (name TEXT PRIMARY KEY, created_at BIGINT NOT NULL)",
                """
                CREATE TABLE enrollment_codes (
                    code_hash BYTEA PRIMARY KEY,
                    cohort TEXT NOT NULL REFERENCES cohorts(name),
                    participant TEXT NOT NULL,
                    role TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL,
                    created_by TEXT NOT NULL,
                    used_at BIGINT,
                    device_id TEXT
                )
                """,
                """
                CREATE TABLE devices (
                    id TEXT PRIMARY KEY,
                    cohort TEXT NOT NULL REFERENCES cohorts(name),
                    participant TEXT NOT NULL,
                    role TEXT NOT NULL,
                    name TEXT NOT NULL,
                    replica TEXT NOT NULL UNIQUE,
                    token_hash BYTEA NOT NULL,
                    created_at BIGINT NOT NULL,
                    revoked_at BIGINT
                )
                """,
                "CREATE INDEX devices_cohort ON devices (cohort, created_at)",
                """
                CREATE TABLE surveys (
                    cohort TEXT NOT NULL REFERENCES cohorts(name),
                    id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    definition TEXT NOT NULL,
                    published_at BIGINT NOT NULL,
                    PRIMARY KEY (cohort, id, version)
                )
                """,
                """
                CREATE TABLE records (
                    id UUID PRIMARY KEY,
                    cohort TEXT NOT NULL,
                    collection TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    survey TEXT,
                    survey_version INTEGER,
                    scope TEXT NOT NULL,
                    sequence BIGINT NOT NULL UNIQUE,
                    state BYTEA NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX records_cohort_sequence ON records (cohort, sequence)",
                "CREATE INDEX records_scope_sequence ON records (cohort, scope, sequence)",
                """
                CREATE TABLE relays (
                    record_id UUID NOT NULL,
                    device_id TEXT NOT NULL,
                    epoch TEXT NOT NULL,
                    replicas TEXT NOT NULL,
                    sequence BIGINT NOT NULL,
                    relayed_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX relays_record ON relays (record_id)",
                """
                CREATE TABLE feed_counter (
                    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
                    last_sequence BIGINT NOT NULL
                )
                """,
                "INSERT INTO feed_counter (only_row, last_sequence) VALUES (TRUE, 0)",
            ]),
        PostgresMigration(
            version: 2, name: "dashboard logins",
            statements: [
                """
                CREATE TABLE dashboard_links (
                    link_hash BYTEA PRIMARY KEY,
                    cohort TEXT NOT NULL REFERENCES cohorts(name),
                    trainer TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL,
                    created_by TEXT NOT NULL,
                    used_at BIGINT
                )
                """,
                "CREATE INDEX dashboard_links_expiry ON dashboard_links (expires_at)",
                """
                CREATE TABLE dashboard_sessions (
                    token_hash BYTEA PRIMARY KEY,
                    cohort TEXT NOT NULL REFERENCES cohorts(name),
                    trainer TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions (expires_at)",
            ]),
        PostgresMigration(
            version: 3, name: "record origins",
            statements: [
                // The device whose push produced exactly the stored state, or NULL; see `changes`.
                "ALTER TABLE records ADD COLUMN origin TEXT"
            ]),
    ]

    /// The advisory lock key under which instances migrate one at a time.
    static let migrationLock: Int64 = 0x5153_796E_634D_6967  // "QSyncMig"

    /// Brings the schema up to date, one migration per transaction, under an advisory lock so
    /// that instances starting together migrate once; a new database gets its epoch and server
    /// replica from `random`.
    func migrate(random: any RandomSource) async throws {
        let epoch = Epoch.make(using: random)
        let replica = ReplicaID(bytes: random.bytes(16)).description
        try await transaction { [self] connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            var current = 0
            for try await version in try await connection.query(
                "SELECT COALESCE(MAX(version), 0)::INTEGER FROM schema_migrations", logger: logger
            ).decode(Int.self) {
                current = version
            }
            if let newest = Self.migrations.last?.version, current > newest {
                throw StoreError.unavailable(
                    "The database at \(location) has schema version \(current), newer than this syncserver "
                        + "knows (\(newest)). Run the newer syncserver.")
            }
            for migration in Self.migrations where migration.version > current {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                if migration.version == 1 {
                    try await connection.query(
                        "INSERT INTO meta (key, value) VALUES ('epoch', \(epoch)), ('server_replica', \(replica))",
                        logger: logger)
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
            }
        }
    }

    /// The schema version of the database, 0 when it has none.
    func schemaVersion() async throws -> Int {
        let rows = try await rows("SELECT to_regclass('schema_migrations') IS NOT NULL")
        guard try rows.first?.decode(Bool.self) == true else { return 0 }
        return try await self.rows("SELECT COALESCE(MAX(version), 0)::INTEGER FROM schema_migrations").first?
            .decode(Int.self) ?? 0
    }
}
