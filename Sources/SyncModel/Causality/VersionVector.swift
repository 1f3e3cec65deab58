/// The causal context of a record: for each replica, how many of its writes to the record
/// have been seen.
///
/// Missing entries count as zero, so `[:]` and `[r: 0]` are equal.
/// The JSON form is an object from replica text to counter.
public struct VersionVector: Hashable, Sendable {
    /// The counters; zero entries are never stored.
    public private(set) var counters: [ReplicaID: UInt64]

    /// The empty vector: nothing seen.
    public init() { counters = [:] }

    /// Creates a vector from counters, dropping zero entries.
    public init(_ counters: [ReplicaID: UInt64]) {
        self.counters = counters.filter { $0.value > 0 }
    }

    /// The counter of `replica`, zero when absent.
    public subscript(replica: ReplicaID) -> UInt64 {
        get { counters[replica] ?? 0 }
        set { counters[replica] = newValue == 0 ? nil : newValue }
    }

    /// Whether the write named by `dot` has been seen.
    public func covers(_ dot: Dot) -> Bool {
        self[dot.replica] >= dot.counter
    }

    /// Whether every write seen by `other` has been seen by this vector.
    public func dominates(_ other: VersionVector) -> Bool {
        other.counters.allSatisfy { self[$0.key] >= $0.value }
    }

    /// How this vector relates to `other`.
    public func compare(to other: VersionVector) -> CausalOrder {
        switch (dominates(other), other.dominates(self)) {
        case (true, true): return .equal
        case (true, false): return .after
        case (false, true): return .before
        case (false, false): return .concurrent
        }
    }

    /// Whether neither vector has seen everything the other has.
    public func isConcurrent(with other: VersionVector) -> Bool {
        compare(to: other) == .concurrent
    }

    /// Takes the pointwise maximum with `other`.
    public mutating func merge(_ other: VersionVector) {
        counters.merge(other.counters, uniquingKeysWith: max)
    }

    /// The pointwise maximum of both vectors.
    public func merging(_ other: VersionVector) -> VersionVector {
        var result = self
        result.merge(other)
        return result
    }

    /// Counts one more write by `replica` and returns the dot that names it.
    public mutating func increment(_ replica: ReplicaID) -> Dot {
        let next = self[replica] + 1
        self[replica] = next
        return Dot(replica: replica, counter: next)
    }

    /// The total number of writes seen, summed over replicas.
    public var total: UInt64 { counters.values.reduce(0, &+) }

    /// The replicas with a non-zero counter, in canonical order.
    public var replicas: [ReplicaID] { counters.keys.sorted() }

    /// The largest single counter; zero for the empty vector.
    public var maxCounter: UInt64 { counters.values.max() ?? 0 }
}

extension VersionVector: ExpressibleByDictionaryLiteral {
    /// Creates a vector from a literal.
    public init(dictionaryLiteral elements: (ReplicaID, UInt64)...) {
        self.init(Dictionary(elements, uniquingKeysWith: max))
    }
}

extension VersionVector: Codable {
    /// Decodes an object from replica text to counter.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode([ReplicaID: UInt64].self))
    }

    /// Encodes an object from replica text to counter.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(counters)
    }
}

extension VersionVector: CustomStringConvertible {
    /// A compact rendering such as `{0f3c…:2, 9a1b…:5}`, in canonical order.
    public var description: String {
        "{" + replicas.map { "\($0):\(self[$0])" }.joined(separator: ", ") + "}"
    }
}
