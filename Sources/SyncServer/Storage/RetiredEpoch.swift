import SyncModel

/// An epoch that was current once, and when it was retired.
struct RetiredEpoch: Codable, Hashable, Sendable {
    /// The retired epoch id.
    var epoch: String
    /// When it stopped being current.
    var retiredAt: Timestamp
}
