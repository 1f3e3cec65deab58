import Synchronization

/// A deterministic, thread-safe source (SplitMix64) for tests; never for production secrets.
final class SeededRandomSource: RandomSource {
    private let state: Mutex<UInt64>

    /// Creates a source that replays the same bytes for the same seed.
    init(seed: UInt64) {
        state = Mutex(seed)
    }

    /// Returns the next `count` bytes of the sequence.
    func bytes(_ count: Int) -> [UInt8] {
        state.withLock { state in
            var result: [UInt8] = []
            result.reserveCapacity(count)
            while result.count < count {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                withUnsafeBytes(of: z.littleEndian) { result.append(contentsOf: $0.prefix(count - result.count)) }
            }
            return result
        }
    }
}
