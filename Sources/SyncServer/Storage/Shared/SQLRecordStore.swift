/// A store whose operations are written once as ``StoreScript``s (the `SQLRecordStore+…`
/// extensions); a backend supplies only its ``SchemaDialect`` and runs scripts.
///
/// What must differ between backends stays with them: feed sequence allocation and the push
/// transaction (`commitBatch`), the feed query (`changes`), migrations and erasure's clean-up.
protocol SQLRecordStore: RecordStore {
    /// How this backend spells what differs in SQL.
    static var dialect: SchemaDialect { get }
    /// Runs `script` reading only, on one connection.
    func reading<T: Sendable>(_ script: StoreScript<T>) async throws -> T
    /// Runs `script` in one write transaction; a thrown error writes nothing.
    func writing<T: Sendable>(_ script: StoreScript<T>) async throws -> T
}
