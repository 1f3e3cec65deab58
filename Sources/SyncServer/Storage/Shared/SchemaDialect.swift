/// The column types and table options in which the backends spell the one schema of ``StoreSchema``.
struct SchemaDialect: Sendable {
    /// A 64-bit integer column.
    var int64: String
    /// A byte-string column.
    var blob: String
    /// A record id column.
    var uuid: String
    /// What follows every `CREATE TABLE (…)`.
    var tableOptions: String
    /// Statements only this backend runs, by the schema version they belong to.
    var extraStatements: [Int: [String]] = [:]
}
