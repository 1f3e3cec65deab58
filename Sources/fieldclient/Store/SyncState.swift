import SyncModel

/// Where the local replica stands with the server: epoch, cursor and last success.
struct SyncState: Hashable, Sendable {
    /// The last server epoch whose data this store fully holds; sent with every push.
    var epoch: String?
    /// A newer epoch seen but not yet adopted: everything is being uploaded again.
    var pendingEpoch: String?
    /// The feed cursor after the last stored page; empty to read from the start.
    var cursor: String
    /// When the last sync finished successfully.
    var lastSyncAt: Timestamp?
}
