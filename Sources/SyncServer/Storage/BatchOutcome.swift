import SyncModel

/// The committed result of a batch.
struct BatchOutcome: Sendable {
    /// The plan that was committed.
    var plan: BatchPlan
    /// The epoch at commit.
    var epoch: String
    /// The feed sequence of the last stored state; nil when nothing was written.
    var lastSequence: Int64?
}
