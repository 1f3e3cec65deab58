import Synchronization

/// Group commit: the batches that wait for the database at the same moment are committed in one
/// transaction, so they share one `fsync`, and each caller is answered only after that
/// transaction is durable.
///
/// The first caller to find nobody committing becomes the leader: it takes every waiting batch (at
/// most ``maximumGroup``), runs them one after the other through `transaction`, and answers each.
/// Batches that arrive meanwhile wait for the next group. `transaction` runs each job in a
/// savepoint of its own, so a job whose plan is refused writes nothing and fails alone; when the
/// transaction itself fails (it cannot commit, or a database error ended it), every job in it fails
/// with that error.
final class GroupCommit<Connection>: Sendable {
    /// One batch's work inside the shared transaction.
    typealias Job = @Sendable (Connection) throws -> BatchOutcome
    /// Runs `jobs` in one transaction, each in its own savepoint, and returns each job's result in
    /// order; throws when the transaction cannot commit.
    typealias Transaction = @Sendable (_ jobs: [Job]) async throws -> [Result<BatchOutcome, any Error>]

    /// The most batches committed together (bounds one transaction's work and memory).
    let maximumGroup: Int
    /// Commits a group.
    private let transaction: Transaction
    /// The waiting batches and whether a leader is committing.
    private let state = Mutex(State())

    /// A batch waiting for its group.
    private struct Waiting: Sendable {
        /// Its work.
        var job: Job
        /// Its caller.
        var continuation: CheckedContinuation<BatchOutcome, any Error>
    }

    /// What the callers share.
    private struct State: Sendable {
        /// Batches not yet taken by a leader, in arrival order.
        var waiting: [Waiting] = []
        /// Whether a leader is committing now.
        var isCommitting = false
    }

    /// Commits through `transaction`, at most `maximumGroup` batches at a time.
    init(maximumGroup: Int = 64, transaction: @escaping Transaction) {
        self.maximumGroup = max(1, maximumGroup)
        self.transaction = transaction
    }

    /// How many batches wait for the next group now.
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Runs `job` in the next group and returns its outcome once the group's transaction has
    /// committed; `BatchOutcome.groupSize` says how many batches shared it.
    func commit(_ job: @escaping Job) async throws -> BatchOutcome {
        try await withCheckedThrowingContinuation { continuation in
            let leads = state.withLock { state in
                state.waiting.append(Waiting(job: job, continuation: continuation))
                defer { state.isCommitting = true }
                return !state.isCommitting
            }
            if leads { Task { await self.commitWaiting() } }
        }
    }

    /// Commits group after group until nobody waits.
    private func commitWaiting() async {
        while true {
            let group = state.withLock { state -> [Waiting] in
                let taken = Array(state.waiting.prefix(maximumGroup))
                state.waiting.removeFirst(taken.count)
                if taken.isEmpty { state.isCommitting = false }
                return taken
            }
            guard !group.isEmpty else { return }
            do {
                let results = try await transaction(group.map(\.job))
                for (waiting, result) in zip(group, results) {
                    waiting.continuation.resume(
                        with: result.map { outcome in
                            var outcome = outcome
                            outcome.groupSize = group.count
                            return outcome
                        })
                }
                for waiting in group.dropFirst(results.count) {
                    waiting.continuation.resume(throwing: StoreError.unavailable("The group commit lost a batch's result."))
                }
            } catch {
                for waiting in group { waiting.continuation.resume(throwing: error) }
            }
        }
    }
}
