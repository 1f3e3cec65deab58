/// One statement of a ``StoreScript``.
struct StoreStatement: Sendable {
    /// The SQL, with `?` for each bound value.
    var sql: String
    /// The values for the `?`s, in order.
    var binds: [StoreValue]
    /// What a unique-constraint violation means here, when it means something for the caller.
    var onDuplicate: StoreError?
}

extension StoreStatement {
    /// `count` placeholders separated by commas, for an `IN (…)` list or one row of values.
    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// The `?` placeholders of `rows` rows of `columns` values each, as a `VALUES` list: `(?, ?), (?, ?)`.
    static func valuesList(rows: Int, columns: Int) -> String {
        Array(repeating: "(\(marks(columns)))", count: rows).joined(separator: ", ")
    }

    /// `items` in parts of at most `size`, so that no statement binds more values than a backend takes.
    static func parts<T>(of items: [T], size: Int) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }
}
