import Foundation
import Synchronization
import Testing

@testable import SyncServer

/// `GroupCommit` without a database: which batches share a transaction, and who fails with whom.
@Suite("Group commit")
struct GroupCommitTests {
    /// A stand-in for a database transaction: it runs each job, in order, records the group's size,
    /// and can be held shut until the test opens it, or made to fail.
    final class FakeDatabase: Sendable {
        /// The sizes of the groups committed so far, in order.
        let groups = Mutex<[Int]>([])
        /// While true, a transaction waits before it runs (polled).
        let isHeld = Mutex(false)
        /// While true, a transaction fails after running its jobs.
        let failsCommit = Mutex(false)
        /// How many transactions have started.
        let started = Mutex(0)

        /// Holds transactions shut and starts a first commit named `name` on `commit`; returns it
        /// once its transaction has started, so that the commits made next wait for the next group.
        func holdFirstCommit(on commit: GroupCommit<FakeDatabase>, name: String) async throws -> Task<BatchOutcome, any Error> {
            isHeld.withLock { $0 = true }
            let first = Task { try await commit.commit { _ in GroupCommitTests.outcome(name) } }
            try await GroupCommitTests.eventually { self.started.withLock { $0 } == 1 }
            return first
        }

        /// The group commit over this fake.
        func makeGroupCommit(maximumGroup: Int = 64) -> GroupCommit<FakeDatabase> {
            GroupCommit(maximumGroup: maximumGroup) { jobs in
                self.started.withLock { $0 += 1 }
                while self.isHeld.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(2)) }
                let results = jobs.map { job in Result { try job(self) } }
                self.groups.withLock { $0.append(jobs.count) }
                if self.failsCommit.withLock({ $0 }) { throw StoreError.unavailable("disk full") }
                return results
            }
        }
    }

    /// A failure of one job.
    struct PlanRefused: Error, Equatable {}

    /// An outcome that names its batch in the epoch.
    static func outcome(_ name: String) -> BatchOutcome {
        BatchOutcome(plan: BatchPlan(results: [], writes: [], relays: []), epoch: name, lastSequence: nil)
    }

    /// Waits until `condition` holds (the commits run on other tasks).
    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<5_000 where !condition() { try await Task.sleep(for: .milliseconds(1)) }
        try #require(condition(), "timed out waiting")
    }

    @Test("Batches that arrive while a group commits are committed together in the next group, each answered")
    func waitingBatchesShareTheNextTransaction() async throws {
        let database = FakeDatabase()
        let commit = database.makeGroupCommit()
        let first = try await database.holdFirstCommit(on: commit, name: "first")
        let later = Task {
            try await withThrowingTaskGroup(of: BatchOutcome.self) { group in
                for index in 0..<5 { group.addTask { try await commit.commit { _ in Self.outcome("later-\(index)") } } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        try await Self.eventually { commit.waitingCount == 5 }
        database.isHeld.withLock { $0 = false }
        let firstOutcome = try await first.value
        let laterOutcomes = try await later.value
        #expect(firstOutcome.epoch == "first" && firstOutcome.groupSize == 1)
        #expect(Set(laterOutcomes.map(\.epoch)) == Set((0..<5).map { "later-\($0)" }))
        #expect(laterOutcomes.allSatisfy { $0.groupSize == 5 })
        #expect(database.groups.withLock { $0 } == [1, 5])
        #expect(commit.waitingCount == 0)
    }

    @Test("A batch whose job throws fails alone; the others of its group are answered")
    func aFailingJobFailsAlone() async throws {
        let database = FakeDatabase()
        let commit = database.makeGroupCommit()
        let opener = try await database.holdFirstCommit(on: commit, name: "opener")
        async let good = commit.commit { _ in Self.outcome("good") }
        let bad = Task { try await commit.commit { _ in throw PlanRefused() } }
        try await Self.eventually { commit.waitingCount == 2 }
        database.isHeld.withLock { $0 = false }
        _ = try await opener.value
        #expect(try await good.epoch == "good")
        await #expect(throws: PlanRefused.self) { try await bad.value }
        #expect(database.groups.withLock { $0 } == [1, 2])
    }

    @Test("When the transaction cannot commit, every batch of its group fails with its error")
    func aFailedCommitFailsTheWholeGroup() async throws {
        let database = FakeDatabase()
        let commit = database.makeGroupCommit()
        database.failsCommit.withLock { $0 = true }
        await #expect(throws: StoreError.unavailable("disk full")) {
            try await commit.commit { _ in Self.outcome("lost") }
        }
        database.failsCommit.withLock { $0 = false }
        #expect(try await commit.commit { _ in Self.outcome("after") }.epoch == "after", "the next group commits again")
    }

    @Test("At most maximumGroup batches share a transaction; the rest follow in the next")
    func groupsAreBounded() async throws {
        let database = FakeDatabase()
        let commit = database.makeGroupCommit(maximumGroup: 3)
        let opener = try await database.holdFirstCommit(on: commit, name: "opener")
        let rest = Task {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<7 { group.addTask { try await commit.commit { _ in Self.outcome("x") }.groupSize } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        try await Self.eventually { commit.waitingCount == 7 }
        database.isHeld.withLock { $0 = false }
        _ = try await opener.value
        #expect(try await rest.value.sorted() == [1, 3, 3, 3, 3, 3, 3])
        #expect(database.groups.withLock { $0 } == [1, 3, 3, 1])
    }
}
