import Foundation
import Logging
import Synchronization
import SyncModel
import Testing
@testable import fieldclient

/// `sync` on a bad link: tried again after waits (recorded, not waited), resuming where it stopped.
@Suite("RetryPolicy")
struct RetryPolicyTests {
    /// A sleeper that records the waits instead of waiting.
    final class RecordingSleeper: Sleeper {
        private let recorded = Mutex<[Duration]>([])
        /// The waits asked for, in order.
        var waits: [Duration] { recorded.withLock { $0 } }
        func sleep(for duration: Duration) async throws { recorded.withLock { $0.append(duration) } }
    }

    /// A transport that always fails with `error`, counting its calls.
    final class FailingTransport: SyncTransport {
        let error: TransportError
        private let count = Mutex(0)
        var calls: Int { count.withLock { $0 } }
        init(_ error: TransportError) { self.error = error }
        func push(_ request: PushRequest) async throws(TransportError) -> PushResponse { throw fail() }
        func changes(since cursor: String, limit: Int) async throws(TransportError) -> ChangesPage { throw fail() }
        func surveys() async throws(TransportError) -> [SurveyDefinition] { throw fail() }
        private func fail() -> TransportError {
            count.withLock { $0 += 1 }
            return error
        }
    }

    static func device(records: Int) throws -> (TestDevice, [UUID]) {
        let survey = try Fixtures.survey()
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
        let ids = try (0..<records).map { index in
            try device.records.createResponse(
                survey: survey, answers: ["haushalt": .integer(Int64(index + 1))], finalize: false, household: nil
            ).id
        }
        return (device, ids)
    }

    @Test("a push cut before or after the server stored it is tried again; no record the client saw acknowledged is sent again",
        arguments: [false, true])
    func resumesAfterACut(afterCommit: Bool) async throws {
        let server = try await InMemoryServer(
            surveyFiles: [Fixtures.root.appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml")])
        let (device, ids) = try Self.device(records: 6)
        let transport = try await device.connect(to: server)
        transport.failPush(after: 1, afterCommit: afterCommit)
        let engine = device.engine(transport)
        let sleeper = RecordingSleeper()
        var retries: [Int] = []
        let report = try await RetryPolicy.field.run(sleeper: sleeper, onRetry: { attempt, _ in retries.append(attempt) }) {
            try await engine.sync()
        }
        #expect(retries == [2])
        #expect(sleeper.waits == [.seconds(2)])
        #expect(report.pending == 0)
        #expect(Set(try await server.storedRecords.keys) == Set(ids))
        let sent = transport.pushes.flatMap(\.records).map(\.id)
        let acknowledged = Array(sent.prefix(2))  // the first batch (of 2), answered before the cut
        for id in acknowledged { #expect(sent.filter { $0 == id }.count == 1, "\(id) was acknowledged, then sent again") }
        // Only the batch whose answer was lost is sent twice.
        #expect(sent.count == ids.count + (afterCommit ? 2 : 0))
    }

    @Test("a sync tried again reports what every attempt did: records pulled before the cut are counted")
    func reportCountsEveryAttempt() async throws {
        let server = try await InMemoryServer(
            surveyFiles: [Fixtures.root.appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml")])
        let (writer, ids) = try Self.device(records: 7)
        _ = try await writer.engine(try await writer.connect(to: server)).sync()
        let reader = try TestDevice(participant: "anna", replicaSeed: 2, surveys: [try Fixtures.survey()])
        let transport = try await reader.connect(to: server)
        transport.failChanges(after: 2)  // pages of 2: two pages arrive, the third is cut
        let engine = reader.engine(transport)
        var report = SyncReport()
        try await RetryPolicy.field.run(sleeper: RecordingSleeper()) { try await engine.sync(into: &report) }
        #expect(report.pulled == ids.count)
        #expect(Set(try reader.store.records().map(\.record.id)) == Set(ids))
        // The same sync without carrying the report over counts only the last attempt.
        let second = try TestDevice(participant: "anna", replicaSeed: 3, surveys: [try Fixtures.survey()])
        let cut = try await second.connect(to: server)
        cut.failChanges(after: 2)
        let last = try await RetryPolicy.field.run(sleeper: RecordingSleeper()) { try await second.engine(cut).sync() }
        #expect(last.pulled == ids.count - 4)
    }

    @Test("an unreachable server is tried after every wait, then reported; nothing else is retried")
    func givesUpAfterTheLastWait() async throws {
        let (device, _) = try Self.device(records: 1)
        let unreachable = FailingTransport(.unreachable("connection refused"))
        let sleeper = RecordingSleeper()
        let engine = SyncEngine(store: device.store, transport: unreachable, clock: SteppingClock(), logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        await #expect(throws: TransportError.unreachable("connection refused")) {
            try await RetryPolicy.field.run(sleeper: sleeper) { try await engine.sync() }
        }
        #expect(unreachable.calls == 4)
        #expect(sleeper.waits == [.seconds(2), .seconds(5), .seconds(15)])

        let revoked = FailingTransport(.unauthorized(ErrorDetail(.unauthorized, "revoked")))
        let other = SyncEngine(store: device.store, transport: revoked, clock: SteppingClock(), logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let quiet = RecordingSleeper()
        await #expect(throws: TransportError.self) { try await RetryPolicy.field.run(sleeper: quiet) { try await other.sync() } }
        #expect(revoked.calls == 1)
        #expect(quiet.waits.isEmpty)
    }

    @Test("the longest a sync tries, as --help says: four idle timeouts and the three waits")
    func longestDuration() {
        #expect(RetryPolicy.field.longestDuration(failureAfter: .seconds(30)) == .seconds(4 * 30 + 2 + 5 + 15))
        #expect(RetryPolicy.none.longestDuration(failureAfter: .seconds(30)) == .seconds(30))
    }

    @Test("sync --retries takes 0 to 10 and repeats the last wait beyond the field's three", arguments: [
        (["--retries", "0"], [Duration]()), (["--retries", "5"], [.seconds(2), .seconds(5), .seconds(15), .seconds(15), .seconds(15)]),
        ([], [.seconds(2), .seconds(5), .seconds(15)]),
    ])
    func retriesOption(arguments: [String], waits: [Duration]) throws {
        #expect(try SyncCommand.parse(arguments).retryPolicy.delays == waits)
    }

    @Test("sync --retries outside 0 to 10 is refused with what to give", arguments: ["-1", "11"])
    func retriesRange(value: String) {
        #expect(throws: (any Error).self) { try SyncCommand.parse(["--retries", value]) }
    }
}
