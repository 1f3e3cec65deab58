/// What a review message does.
public enum ReviewKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A trainer marks the response as reviewed.
    case ok
    /// A trainer asks the interviewer a question about the response.
    case ask
    /// The interviewer (or a trainer) answers.
    case reply
    /// A trainer closes the thread.
    case close

    /// Whether only trainers may write this kind.
    public var isTrainerOnly: Bool { self != .reply }
}
