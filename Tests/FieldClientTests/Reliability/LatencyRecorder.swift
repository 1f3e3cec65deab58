import Foundation

/// Collects request latencies from many clients, for the load test's p50/p99 figures.
final class LatencyRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var samples: [String: [Double]] = [:]

    /// Adds one latency, in seconds, of a request of `kind` (e.g. `push`).
    func add(_ kind: String, seconds: Double) {
        lock.withLock { samples[kind, default: []].append(seconds) }
    }

    /// The number of requests of `kind`.
    func count(_ kind: String) -> Int { lock.withLock { samples[kind]?.count ?? 0 } }

    /// The `quantile` (0…1) of the latencies of `kind`, in milliseconds, by nearest rank.
    func percentile(_ kind: String, _ quantile: Double) -> Double {
        let sorted = lock.withLock { (samples[kind] ?? []).sorted() }
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((quantile * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)] * 1000
    }
}
