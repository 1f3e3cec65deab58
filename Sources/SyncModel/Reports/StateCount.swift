/// How many responses are in one review state.
public struct StateCount: Codable, Hashable, Sendable {
    /// The state, a ``ReviewState`` raw value.
    public var state: String
    /// How many responses.
    public var count: Int

    /// Creates a state count.
    public init(state: String, count: Int) {
        self.state = state
        self.count = count
    }
}
