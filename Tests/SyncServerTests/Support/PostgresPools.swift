import Synchronization
import Testing

/// Runs the connection pools of the PostgreSQL stores a test makes while the test runs and stops
/// them when it ends, so that no pool outlives its test (`.postgresPools` on every suite that
/// makes PostgreSQL stores).
struct PostgresPools: TestTrait, SuiteTrait, TestScoping {
    /// The pools of one test case.
    final class Runner: Sendable {
        private let tasks = Mutex<[Task<Void, Never>]>([])

        /// Runs `body` (a pool's `run()`) until ``stopAll()``.
        func run(_ body: @escaping @Sendable () async -> Void) {
            tasks.withLock { $0.append(Task { await body() }) }
        }

        /// Cancels every pool and waits until each has shut down.
        func stopAll() async {
            let all = tasks.withLock { tasks in
                defer { tasks = [] }
                return tasks
            }
            for task in all {
                task.cancel()
                await task.value
            }
        }
    }

    /// The runner of the test case that is running, if its suite has the trait.
    @TaskLocal static var current: Runner?

    /// Applies to every test of the suite.
    var isRecursive: Bool { true }

    /// Gives each test case its own runner and stops its pools when it ends, passed or failed.
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        guard testCase != nil, Self.current == nil else { return try await function() }
        let runner = Runner()
        do {
            try await Self.$current.withValue(runner) { try await function() }
        } catch {
            await runner.stopAll()
            throw error
        }
        await runner.stopAll()
    }
}

extension Trait where Self == PostgresPools {
    /// Stops the PostgreSQL pools a test started when it ends.
    static var postgresPools: Self { PostgresPools() }
}
