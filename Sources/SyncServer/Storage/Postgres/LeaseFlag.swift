import Synchronization

/// Set once a connection was leased, read by the deadline that guards the lease.
final class LeaseFlag: Sendable {
    private let value = Atomic<Bool>(false)

    /// Marks the connection leased.
    func set() { value.store(true, ordering: .releasing) }

    /// Whether the connection was leased.
    var isSet: Bool { value.load(ordering: .acquiring) }
}
