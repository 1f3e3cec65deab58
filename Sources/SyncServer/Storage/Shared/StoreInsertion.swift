/// Many rows for one table, inserted by a ``StoreScript/insert(_:next:)`` step the way a backend
/// inserts many rows fastest: SQLite runs one prepared statement once per row, PostgreSQL
/// multi-row statements, ``SQLRecordStore/rowsPerStatement`` rows each.
struct StoreInsertion: Sendable {
    /// The table and its columns, as in `records (id, cohort)`.
    var table: String
    /// The rows, each with one value per column.
    var rows: [[StoreValue]]
    /// What follows the values, such as an `ON CONFLICT` clause.
    var clause = ""

    /// The `INSERT` statement for `count` rows.
    func sql(rows count: Int) -> String {
        "INSERT INTO \(table) VALUES \(StoreStatement.valuesList(rows: count, columns: rows.first?.count ?? 0)) \(clause)"
    }
}
