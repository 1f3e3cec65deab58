import Foundation

/// What applying one push response changed locally.
struct PushOutcome: Hashable, Sendable {
    /// Records the server accepted.
    var accepted = 0
    /// Records the server rejected, with its message; they stay on the device, pending.
    var rejected: [RejectedRecord] = []
    /// Records the server answered with an erased state; their content is gone from the store.
    var erased: [ErasedRecordNotice] = []
}
