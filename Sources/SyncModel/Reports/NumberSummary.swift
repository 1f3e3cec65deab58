/// Count, minimum, maximum, mean and median of numeric answers, and how often each was given.
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
    /// Each different answer with how often it was given, ascending, for histograms: as long as
    /// the number of different answers (an age or a household size takes a few dozen), not of responses.
    public var distribution: [NumberCount]

    /// Summarizes numbers given as how often each different value was answered (`counts`).
    public init(counts: [Double: Int]) {
        distribution = counts.filter { $0.value > 0 }.map { NumberCount(value: $0.key, count: $0.value) }
            .sorted { $0.value < $1.value }
        count = distribution.reduce(0) { $0 + $1.count }
        min = distribution.first?.value
        max = distribution.last?.value
        guard count > 0 else { return }
        // Summed in ascending order of the values, so the mean does not depend on the responses' order.
        mean = distribution.reduce(0) { $0 + $1.value * Double($1.count) } / Double(count)
        let middle = count / 2
        median = count.isMultiple(of: 2) ? (value(at: middle - 1) + value(at: middle)) / 2 : value(at: middle)
    }

    /// Summarizes `numbers`.
    public init(_ numbers: [Double]) {
        self.init(counts: numbers.reduce(into: [:]) { $0[$1, default: 0] += 1 })
    }

    /// The number at `index` (from 0) of all the numbers in ascending order.
    private func value(at index: Int) -> Double {
        var passed = 0
        for entry in distribution {
            passed += entry.count
            if index < passed { return entry.value }
        }
        preconditionFailure("index \(index) is beyond the \(count) numbers")
    }
}
