import Synchronization

/// The latest value a `@Sendable` closure set, e.g. what a plan decided inside a store
/// transaction, for the caller to read after it.
final class Latest<Value: Sendable>: Sendable {
    private let storage = Mutex<Value?>(nil)

    /// Creates an empty holder.
    init() {}

    /// The value set last; nil before the first.
    var value: Value? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
