/// How often one numeric answer was given.
public struct NumberCount: Codable, Hashable, Sendable {
    /// The answer.
    public var value: Double
    /// How many final responses gave it.
    public var count: Int

    /// Creates a number count.
    public init(value: Double, count: Int) {
        self.value = value
        self.count = count
    }
}
