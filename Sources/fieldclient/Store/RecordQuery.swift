/// Which records `LocalStore.records(matching:)` returns, and in which order.
struct RecordQuery: Hashable, Sendable {
    /// The collection, or nil for all.
    var collection: String?
    /// Only records with local changes not yet accepted by the server.
    var pendingOnly = false
    /// Only records with open conflicts (by the store's `conflicted` column).
    var conflictedOnly = false
    /// Newest first (by creation time) instead of oldest first.
    var newestFirst = false
}
