import Synchronization
import SyncModel

/// A wall clock that stands still until a test moves it.
final class TestClock: WallClock {
    private let current: Mutex<Int64>

    /// Starts at `start` milliseconds since 1970 (2026-11-25 by default).
    init(start: Int64 = 1_795_600_000_000) {
        current = Mutex(start)
    }

    /// The current reading.
    func now() -> Timestamp {
        Timestamp(millisecondsSince1970: current.withLock { $0 })
    }

    /// Moves the clock forward.
    func advance(milliseconds: Int64) {
        current.withLock { $0 += milliseconds }
    }
}
