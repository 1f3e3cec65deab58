import SyncModel

/// What one sync did.
struct SyncReport: Hashable, Sendable, Codable {
    /// Records pushed and accepted.
    var pushed = 0
    /// Records the server rejected; they stay on the device.
    var rejected: [RejectedRecord] = []
    /// Records received from the server.
    var pulled = 0
    /// Whether the server's epoch changed, so everything was uploaded and read again.
    var epochChanged = false
    /// The server's epoch after the sync.
    var epoch: String?
    /// Records that arrived erased; their content (and unsynced changes) are gone from the store.
    var erased: [ErasedRecordNotice] = []
    /// Records still pending after the sync (rejected ones included).
    var pending = 0
    /// How long each push took, from sending it to its answer, in milliseconds by the device's
    /// clock (`sync --json` prints them, so that a load test sees the latency a device lived).
    var pushMilliseconds: [Int64] = []
}
