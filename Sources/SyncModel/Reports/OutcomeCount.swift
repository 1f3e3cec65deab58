/// How many doors had one outcome.
public struct OutcomeCount: Codable, Hashable, Sendable {
    /// The outcome, e.g. `not-home`.
    public var outcome: String
    /// How many doors.
    public var count: Int

    /// Creates an outcome count.
    public init(outcome: String, count: Int) {
        self.outcome = outcome
        self.count = count
    }
}
