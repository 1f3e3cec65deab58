/// Which records `LocalStore.records(matching:)` returns.
struct RecordQuery: Hashable, Sendable {
    /// The collection, or nil for all.
    var collection: String?
    /// Only records with local changes not yet accepted by the server.
    var pendingOnly = false
}
