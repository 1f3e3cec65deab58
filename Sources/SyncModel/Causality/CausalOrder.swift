/// How two version vectors, and so two states, relate in causal order.
public enum CausalOrder: String, Sendable, Hashable, CaseIterable {
    /// Both have seen exactly the same writes.
    case equal
    /// The left side saw a strict subset of the right side's writes.
    case before
    /// The left side saw a strict superset of the right side's writes.
    case after
    /// Each side saw a write that the other did not.
    case concurrent
}
