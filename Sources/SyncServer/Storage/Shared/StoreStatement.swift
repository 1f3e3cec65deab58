/// One statement of a ``StoreScript``.
struct StoreStatement: Sendable {
    /// The SQL, with `?` for each bound value.
    var sql: String
    /// The values for the `?`s, in order.
    var binds: [StoreValue]
    /// What a unique-constraint violation means here, when it means something for the caller.
    var onDuplicate: StoreError?
}
