import Foundation
import SyncModel

/// Counts failed attempts per client address in a sliding window; once an address has `limit`
/// failures within `window`, it is refused until the oldest of them leaves the window. Counted in
/// this process's memory only (several server instances each count on their own).
final class AttemptLimiter: @unchecked Sendable {
    /// Failures allowed per address within the window.
    let limit: Int
    /// The window, in milliseconds.
    let windowMilliseconds: Int64
    /// At most this many addresses are tracked; the stalest are forgotten beyond it.
    let maximumAddresses: Int

    private let lock = NSLock()
    private var failures: [String: [Int64]] = [:]

    /// Creates a limiter: by default 10 failures per 10 minutes.
    init(limit: Int = 10, windowSeconds: Int64 = 600, maximumAddresses: Int = 100_000) {
        self.limit = limit
        windowMilliseconds = windowSeconds * 1000
        self.maximumAddresses = maximumAddresses
    }

    /// The seconds until `address` may try again, or nil when it may try now.
    func retryAfter(for address: String, at now: Timestamp) -> Int? {
        lock.withLock {
            let recent = prune(address, now: now.millisecondsSince1970)
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            let wait = oldest + windowMilliseconds - now.millisecondsSince1970
            return max(1, Int((wait + 999) / 1000))
        }
    }

    /// Counts one failed attempt of `address`.
    func recordFailure(of address: String, at now: Timestamp) {
        lock.withLock {
            var recent = prune(address, now: now.millisecondsSince1970)
            recent.append(now.millisecondsSince1970)
            failures[address] = recent
            if failures.count > maximumAddresses { forgetStalest() }
        }
    }

    /// The failures of `address` still in the window (the others are dropped).
    private func prune(_ address: String, now: Int64) -> [Int64] {
        guard let times = failures[address] else { return [] }
        let recent = times.filter { $0 > now - windowMilliseconds }
        failures[address] = recent.isEmpty ? nil : recent
        return recent
    }

    private func forgetStalest() {
        let sorted = failures.sorted { ($0.value.last ?? 0) < ($1.value.last ?? 0) }
        for (address, _) in sorted.prefix(failures.count - maximumAddresses) { failures[address] = nil }
    }
}
