import Foundation

/// How `sync` keeps trying on a bad link before it reports "offline": it runs the sync, and when
/// the server cannot be reached it waits and runs it again, once per entry of ``delays``.
///
/// A sync is resumable (every pushed batch and pulled page is committed locally before the next),
/// so a retry continues where the broken attempt stopped and never sends again what the server
/// acknowledged.
struct RetryPolicy: Sendable {
    /// The waits before the second, third, … attempt.
    var delays: [Duration]

    /// The field's policy: three more attempts, after 2, 5 and 15 seconds.
    static let field = RetryPolicy(delays: [.seconds(2), .seconds(5), .seconds(15)])

    /// No retries.
    static let none = RetryPolicy(delays: [])

    /// Attempts in all.
    var attempts: Int { delays.count + 1 }

    /// The longest the attempts can take when each fails only at `failureAfter` (the client's
    /// idle timeout), waits included: what `--help` promises.
    func longestDuration(failureAfter: Duration) -> Duration {
        delays.reduce(failureAfter * attempts, +)
    }

    /// Runs `body`; after a `TransportError.unreachable` it calls `onRetry` with the attempt that
    /// comes next (2, 3, …) and the wait, waits with `sleeper`, and runs `body` again. The last
    /// failure, and every other error, is thrown.
    func run<Result>(
        sleeper: any Sleeper, onRetry: (_ attempt: Int, _ wait: Duration) -> Void = { _, _ in },
        _ body: () async throws -> Result
    ) async throws -> Result {
        for (index, delay) in delays.enumerated() {
            do {
                return try await body()
            } catch TransportError.unreachable {
                onRetry(index + 2, delay)
                try await sleeper.sleep(for: delay)
            }
        }
        return try await body()
    }
}
