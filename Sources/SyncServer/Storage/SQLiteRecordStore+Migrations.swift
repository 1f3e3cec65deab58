import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// How SQLite spells ``StoreSchema``. One writer at a time needs no record locks, and the
    /// next sequences follow the highest stored one.
    static let dialect = SchemaDialect(
        int64: "INTEGER", blob: "BLOB", uuid: "TEXT", tableOptions: " STRICT", byteOrder: "", forUpdate: "",
        insertionOrder: "rowid", takesIndexHints: true,
        allocateSequences: "SELECT COALESCE(MAX(sequence), 0) + ? FROM records")

    /// ``StoreSchema`` as GRDB migrations (``SQLRecordStore/migrating(_:random:)``).
    static func migrator(random: any RandomSource) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in StoreSchema.migrations {
            migrator.registerMigration(migration.sqliteIdentifier) { db in
                try run(migrating(migration, random: random), in: db)
            }
        }
        return migrator
    }

    /// Refuses a database that a newer syncserver migrated further than this one knows.
    static func refuseNewerSchema(_ db: Database, location: String) throws {
        let known = Set(StoreSchema.migrations.map(\.sqliteIdentifier))
        let applied = try DatabaseMigrator().appliedIdentifiers(db)
        let unknown = applied.subtracting(known)
        guard !unknown.isEmpty else { return }
        try StoreRules.refuseNewerSchema(applied.count, at: location)
    }
}
