/// What `status` counts, read from the store's plain columns without opening a sealed state.
struct StoreSummary: Hashable, Sendable {
    /// Records with changes the server has not accepted yet.
    var unsynced: Int
    /// Records whose last push the server rejected.
    var rejected: Int
    /// Records with open conflicts.
    var conflicted: Int
    /// Records whose sealed state a command found damaged, by id.
    var damaged: [String]
    /// Responses whose review question waits for an answer: the device's participant's own, every one for a trainer.
    var openQuestions = 0
    /// Responses waiting for a trainer (counted for trainers' devices only).
    var waitingForReview = 0
}
