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

    /// Every answer, ascending, expanded from ``distribution``: the list earlier versions kept,
    /// still written to the JSON (`values`) for those who read it; made only when asked for.
    public var values: [Double] {
        distribution.flatMap { repeatElement($0.value, count: $0.count) }
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

extension NumberSummary {
    private enum CodingKeys: String, CodingKey {
        case count, min, max, mean, median, distribution, values
    }

    /// Reads the summary; a JSON of an earlier version has `values` instead of `distribution`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let distribution = try container.decodeIfPresent([NumberCount].self, forKey: .distribution) {
            self.init(counts: Dictionary(distribution.map { ($0.value, $0.count) }, uniquingKeysWith: +))
        } else {
            self.init(try container.decode([Double].self, forKey: .values))
        }
    }

    /// Writes the summary with both `distribution` and the expanded `values`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encodeIfPresent(min, forKey: .min)
        try container.encodeIfPresent(max, forKey: .max)
        try container.encodeIfPresent(mean, forKey: .mean)
        try container.encodeIfPresent(median, forKey: .median)
        try container.encode(distribution, forKey: .distribution)
        try container.encode(values, forKey: .values)
    }
}
