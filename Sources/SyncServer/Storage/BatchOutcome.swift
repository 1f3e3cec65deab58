import SyncModel

/// The committed result of a batch.
struct BatchOutcome: Sendable {
    /// The plan that was committed.
    var plan: BatchPlan
    /// The epoch at commit.
    var epoch: String
    /// The feed sequence of the last stored state; nil when nothing was written.
    var lastSequence: Int64?
    /// How many batches were committed in the same transaction as this one (group commit); 1 alone.
    var groupSize = 1
}
