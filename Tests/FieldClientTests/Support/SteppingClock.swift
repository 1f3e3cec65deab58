import Foundation
import SyncModel

/// A clock that advances one second per reading, from a fixed start.
final class SteppingClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Int64

    /// Starts at `start` milliseconds since 1970.
    init(start: Int64 = 1_764_000_000_000) { current = start }

    /// The next time.
    func now() -> Timestamp {
        lock.withLock {
            current += 1_000
            return Timestamp(millisecondsSince1970: current)
        }
    }
}
