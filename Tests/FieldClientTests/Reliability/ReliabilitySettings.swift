import Foundation

/// The knobs of the reliability harness, from the environment.
///
/// - `QS_SOAK_SECONDS`: run every harness this long at least (default 0: the bounded CI run).
/// - `QS_SEED`: the seed of every random choice (default: a fresh one, printed so that a failure can be replayed).
enum ReliabilitySettings {
    /// Extra run time asked for by `QS_SOAK_SECONDS`, in seconds; 0 in CI.
    static var soakSeconds: Double {
        Double(ProcessInfo.processInfo.environment["QS_SOAK_SECONDS"] ?? "") ?? 0
    }

    /// The seed from `QS_SEED`, else a random one.
    static func seed() -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["QS_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 1...UInt64(UInt32.max))
    }
}
