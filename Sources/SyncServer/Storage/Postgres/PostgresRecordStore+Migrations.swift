import Foundation
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// How PostgreSQL spells ``StoreSchema``. Its feed counter hands out sequences under a row lock
    /// held until `COMMIT`, and advisory locks on record ids, taken in hash order, make two
    /// instances that create the same record merge instead of overwrite
    /// (``SQLRecordStore/batchCommit(ids:requestEpoch:at:plan:)``).
    static let dialect = SchemaDialect(
        int64: "BIGINT", blob: "BYTEA", uuid: "UUID", tableOptions: "", byteOrder: " COLLATE \"C\"", forUpdate: " FOR UPDATE",
        insertionOrder: "ctid",
        allocateSequences: "UPDATE feed_counter SET last_sequence = last_sequence + ? RETURNING last_sequence",
        lockRecords: { count in
            """
            SELECT pg_advisory_xact_lock(\(recordLockSpace), h) FROM (
                SELECT DISTINCT hashtext(id::text) AS h FROM (VALUES \(StoreStatement.valuesList(rows: count, columns: 1)))
                    AS ids(id) ORDER BY h OFFSET 0
            ) AS locks
            """
        },
        extraStatements: [
            1: [
                """
                CREATE TABLE feed_counter (
                    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
                    last_sequence BIGINT NOT NULL
                )
                """,
                "INSERT INTO feed_counter (only_row, last_sequence) VALUES (TRUE, 0)",
            ]
        ])

    /// The first key of the advisory locks that serialize pushes of the same record id.
    static let recordLockSpace: Int32 = 0x5153_5263  // "QSRc"

    /// The advisory lock key under which instances migrate one at a time.
    static let migrationLock: Int64 = 0x5153_796E_634D_6967  // "QSyncMig"

    /// Brings the schema up to date in one transaction, under an advisory lock so that instances
    /// starting together migrate once; refuses a newer schema; a new database gets its epoch and
    /// server replica from `random` (``SQLRecordStore/migrating(_:random:)``).
    func migrate(random: any RandomSource) async throws {
        try await transaction { [self] connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            let current = try await connection.query(
                "SELECT COALESCE(MAX(version), 0)::INTEGER FROM schema_migrations", logger: logger
            ).collect().first?.decode(Int.self) ?? 0
            try StoreRules.refuseNewerSchema(current, at: location.description)
            for migration in StoreSchema.migrations where migration.version > current {
                try await Self.run(Self.migrating(migration, random: random), on: connection, logger: logger)
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                    logger: logger)
            }
        }
    }
}
