import Synchronization
import SyncFixtures

@testable import SyncServer

/// A deterministic, thread-safe source for tests: the bytes of ``SplitMix64`` from a seed.
final class SeededRandomSource: RandomSource {
    private let generator: Mutex<SplitMix64>

    /// Creates a source that replays the same bytes for the same seed.
    init(seed: UInt64) {
        generator = Mutex(SplitMix64(seed: seed))
    }

    /// Returns the next `count` bytes of the sequence.
    func bytes(_ count: Int) -> [UInt8] {
        generator.withLock { generator in
            var result: [UInt8] = []
            result.reserveCapacity(count)
            while result.count < count {
                withUnsafeBytes(of: generator.next().littleEndian) { result.append(contentsOf: $0.prefix(count - result.count)) }
            }
            return result
        }
    }
}
