/// How a backend spells what differs in its SQL: the column types and table options of the one
/// schema of ``StoreSchema``, and the few clauses the operations of ``SQLRecordStore`` need.
struct SchemaDialect: Sendable {
    /// A 64-bit integer column.
    var int64: String
    /// A byte-string column.
    var blob: String
    /// A record id column.
    var uuid: String
    /// What follows every `CREATE TABLE (…)`.
    var tableOptions: String
    /// What follows a text column in `ORDER BY` to sort by bytes, whatever the database's locale.
    var byteOrder: String
    /// What follows a `SELECT` whose rows the transaction will change, so that others wait for it.
    var forUpdate: String
    /// The hidden column that orders a table's rows as they were inserted.
    var insertionOrder: String
    /// Whether the planner takes `INDEXED BY` hints (SQLite), see ``table(_:through:)``.
    var takesIndexHints = false
    /// Adds the count bound to its one `?` to the feed's last sequence and returns the new last
    /// sequence, as one row; the sequences in between are the caller's.
    var allocateSequences: String
    /// Takes locks until the end of the transaction on the record ids bound to its `count` `?`s,
    /// in an order that never deadlocks, also for ids not stored yet; nil when the backend lets
    /// one writer in at a time anyway.
    var lockRecords: (@Sendable (_ count: Int) -> String)?
    /// Statements only this backend runs, by the schema version they belong to.
    var extraStatements: [Int: [String]] = [:]

    /// `table`, read through `index` where the backend takes hints.
    func table(_ table: String, through index: String) -> String {
        takesIndexHints ? "\(table) INDEXED BY \(index)" : table
    }
}
