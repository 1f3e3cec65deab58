/// Where a response stands in review, derived from its messages by ``ReviewThread``.
public enum ReviewState: String, Codable, Hashable, Sendable, CaseIterable {
    /// No review message yet.
    case none
    /// A trainer marked it as reviewed.
    case reviewed
    /// A trainer's question waits for the interviewer.
    case questionOpen = "question-open"
    /// The interviewer answered; it waits for the trainer.
    case answered
    /// A trainer closed the thread.
    case closed

    /// Whether the interviewer has something to answer.
    public var isOpenQuestion: Bool { self == .questionOpen }

    /// Whether a trainer has something to do: no review yet, or an answer to read.
    public var waitsForTrainer: Bool { self == .none || self == .answered }
}
