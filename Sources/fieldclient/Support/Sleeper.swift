/// Waits, injected so that tests of retries do not wait.
protocol Sleeper: Sendable {
    /// Waits `duration`; throws when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// Waits for real, with `Task.sleep`.
struct TaskSleeper: Sleeper {
    /// Waits `duration`.
    func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
