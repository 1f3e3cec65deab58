/// A multi-value register with a causal context held by its record (an optimized MVRegister,
/// Almeida, Shoker and Baquero, "Delta State Replicated Data Types", 2018).
///
/// It holds the siblings that no known write has superseded, in canonical order by dot.
/// One sibling is the plain case; several are a conflict that stays until someone writes
/// the field again having seen all of them. The JSON form is the array of siblings.
public struct Register<Value: Hashable & Sendable & Codable>: Hashable, Sendable {
    /// The current siblings, sorted by dot, with distinct dots.
    public private(set) var siblings: [Sibling<Value>]

    /// An empty register: never written.
    public init() { siblings = [] }

    /// Creates a register from siblings in any order; duplicates of a dot keep the first.
    public init(siblings: [Sibling<Value>]) {
        guard siblings.count > 1 else {
            self.siblings = siblings
            return
        }
        var seen = Set<Dot>()
        self.siblings = siblings.sorted { $0.dot < $1.dot }.filter { seen.insert($0.dot).inserted }
    }

    /// Creates a register from siblings already in strictly increasing dot order (the stored
    /// form's decoder checks that), skipping the sort and the duplicate check.
    init(orderedSiblings: [Sibling<Value>]) { siblings = orderedSiblings }

    /// Whether the register was never written.
    public var isEmpty: Bool { siblings.isEmpty }

    /// Whether concurrent writes left more than one sibling.
    public var isConflict: Bool { siblings.count > 1 }

    /// The sibling shown to people, the same on every replica; nil when empty.
    public var winner: Sibling<Value>? {
        siblings.max { $1.isPreferred(over: $0) }
    }

    /// The siblings in display order: the winner first.
    public var siblingsByPreference: [Sibling<Value>] {
        siblings.sorted { $0.isPreferred(over: $1) }
    }

    /// Replaces every sibling with one new write; the caller guarantees that `dot` is new
    /// and that the writer has seen every current sibling.
    public mutating func assign(_ value: Value, dot: Dot, timestamp: Timestamp) {
        siblings = [Sibling(dot: dot, value: value, timestamp: timestamp)]
    }

    /// Merges `other` into this register, given the causal contexts of both sides.
    ///
    /// A sibling survives when the other side has it too, or when the other side's
    /// context has not seen its dot; everything else was superseded.
    public mutating func merge(_ other: Register, context: VersionVector, otherContext: VersionVector) {
        self = merging(other, context: context, otherContext: otherContext)
    }

    /// The merge of this register and `other`; see ``merge(_:context:otherContext:)``.
    public func merging(_ other: Register, context: VersionVector, otherContext: VersionVector) -> Register {
        var result: [Sibling<Value>] = []
        result.reserveCapacity(Swift.max(siblings.count, other.siblings.count))
        var i = 0
        var j = 0
        let left = siblings
        let right = other.siblings
        while i < left.count || j < right.count {
            if j == right.count || (i < left.count && left[i].dot < right[j].dot) {
                if !otherContext.covers(left[i].dot) { result.append(left[i]) }
                i += 1
            } else if i == left.count || right[j].dot < left[i].dot {
                if !context.covers(right[j].dot) { result.append(right[j]) }
                j += 1
            } else {
                result.append(left[i])  // both sides have the write
                i += 1
                j += 1
            }
        }
        var merged = Register()
        merged.siblings = result
        return merged
    }
}

extension Register: Codable {
    /// Decodes the array of siblings, putting them into canonical order.
    public init(from decoder: any Decoder) throws {
        self.init(siblings: try decoder.singleValueContainer().decode([Sibling<Value>].self))
    }

    /// Encodes the array of siblings in canonical order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(siblings)
    }
}
