/// Count, minimum, maximum, mean and median of numeric answers.
public struct NumberSummary: Codable, Hashable, Sendable {
    /// How many numbers.
    public var count: Int
    /// The smallest; nil when there are none.
    public var min: Double?
    /// The largest; nil when there are none.
    public var max: Double?
    /// The arithmetic mean; nil when there are none.
    public var mean: Double?
    /// The middle value, or the mean of the two middle values; nil when there are none.
    public var median: Double?
    /// The answers themselves, sorted ascending, for histograms.
    public var values: [Double]

    /// Summarizes `numbers`.
    public init(_ numbers: [Double]) {
        let sorted = numbers.sorted()
        count = sorted.count
        min = sorted.first
        max = sorted.last
        values = sorted
        guard !sorted.isEmpty else { return }
        mean = sorted.reduce(0, +) / Double(sorted.count)
        let middle = sorted.count / 2
        median = sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
