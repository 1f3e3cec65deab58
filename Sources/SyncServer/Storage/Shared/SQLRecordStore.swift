/// A store whose operations are written once as ``StoreScript``s (the `SQLRecordStore+…`
/// extensions); a backend supplies only its ``SchemaDialect`` and runs scripts.
///
/// What must differ between backends stays with them: how a transaction is run (SQLite commits
/// pushes that wait together in one, ``GroupCommit``), migrations, copies and erasure's clean-up.
protocol SQLRecordStore: RecordStore {
    /// How this backend spells what differs in SQL.
    static var dialect: SchemaDialect { get }
    /// Runs `script` reading only, on one connection.
    func reading<T: Sendable>(_ script: StoreScript<T>) async throws -> T
    /// Runs `script` in one write transaction; a thrown error writes nothing.
    func writing<T: Sendable>(_ script: StoreScript<T>) async throws -> T
    /// Runs a push's script (``batchCommit(ids:requestEpoch:at:plan:)``) in a write transaction,
    /// answering only once it is durable; by default through ``writing(_:)``.
    func committing(_ script: StoreScript<BatchOutcome>) async throws -> BatchOutcome
}

extension SQLRecordStore {
    /// The statements of `migration` in this backend's dialect, and for version 1 the new
    /// database's ``StoreSchema/seed(random:)``; the backend records the version itself.
    static func migrating(_ migration: StoreSchema.Migration, random: any RandomSource) -> StoreScript<Void> {
        let seed = migration.version == 1 ? [StoreSchema.seed(random: random)] : []
        return .all((migration.statements(in: dialect).map { StoreStatement(sql: $0, binds: []) } + seed)[...])
    }
}
