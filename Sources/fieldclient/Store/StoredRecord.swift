import SyncModel

/// A record as kept locally, with its change tracking.
struct StoredRecord: Hashable, Sendable {
    /// The merged state.
    var record: Record
    /// Counts local changes; grows by one per local edit.
    var revision: Int64
    /// The revision last accepted by the server; -1 after an epoch change (upload again).
    var syncedRevision: Int64
    /// The server's message when it rejected the last push of this record.
    var rejection: String?

    /// Whether local changes wait to be pushed.
    var isPending: Bool { revision > syncedRevision }
}
