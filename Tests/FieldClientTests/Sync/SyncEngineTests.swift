import Foundation
import SyncModel
import Testing
@testable import fieldclient

/// The sync engine against an in-memory server: convergence, pending tracking, rejections,
/// resuming after interruptions, and epoch changes.
@Suite("SyncEngine")
struct SyncEngineTests {
    let survey: SurveyDefinition
    let server: FakeServer

    init() throws {
        survey = try Fixtures.survey()
        server = FakeServer(surveys: [survey])
    }

    private func makeResponses(_ device: TestDevice, count: Int) throws -> [UUID] {
        try (0..<count).map { index in
            try device.records.createResponse(
                survey: survey, answers: ["haushalt": .integer(Int64(index % 20 + 1))], finalize: false, household: nil
            ).id
        }
    }

    @Test("two devices converge and see a concurrent edit as a conflict, also when the server leaves own pushes out",
        arguments: [false, true])
    func convergence(leavingOutOwnPushes: Bool) async throws {
        let anna = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
        let ben = try TestDevice(participant: "anna", replicaSeed: 2, surveys: [survey])
        let annaEngine = anna.engine(server, feedDevice: leavingOutOwnPushes ? "anna-laptop" : nil)
        let benEngine = ben.engine(server, feedDevice: leavingOutOwnPushes ? "ben-laptop" : nil)
        let id = try makeResponses(anna, count: 1)[0]
        _ = try await annaEngine.sync()
        _ = try await benEngine.sync()
        try anna.records.edit(id, changes: ["haushalt": 4])
        try ben.records.edit(id, changes: ["haushalt": 5])
        _ = try await annaEngine.sync()
        _ = try await benEngine.sync()
        _ = try await annaEngine.sync()
        let a = try #require(try anna.store.record(id: id))
        let b = try #require(try ben.store.record(id: id))
        #expect(a.record == b.record)
        #expect(a.record == server.storedRecords[id])
        #expect(a.record.conflicts.first?.fieldName == "haushalt")
        #expect(!a.isPending && !b.isPending)
    }

    @Test("a record changed while its push was in flight stays pending")
    func changedDuringPushStaysPending() async throws {
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
        let ids = try makeResponses(device, count: 2)
        let records = device.records
        let report = try await device.engine(server, afterPush: {
            _ = try? records.edit(ids[0], changes: ["haushalt": 9])
        }).sync()
        #expect(report.pushed == 2)
        #expect(try device.store.record(id: ids[0])?.isPending == true)
        #expect(try device.store.record(id: ids[1])?.isPending == false)
        _ = try await device.engine(server).sync()
        #expect(server.storedRecords[ids[0]]?.value(of: "haushalt") == 9)
        #expect(try device.store.pendingCount() == 0)
    }

    @Test("a rejected record stays on the device with the server's message; the others go through")
    func rejectedRecordIsKept() async throws {
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
        let ids = try makeResponses(device, count: 3)
        server.rejectedIDs = [ids[1]]
        let report = try await device.engine(server).sync()
        #expect(report.rejected.map(\.id) == [ids[1]])
        #expect(report.pushed == 2)
        let kept = try #require(try device.store.record(id: ids[1]))
        #expect(kept.isPending)
        #expect(kept.rejection == "injected rejection")
        #expect(kept.record.value(of: "haushalt") == 2)
        #expect(server.storedRecords[ids[1]] == nil)
        server.rejectedIDs = []
        let second = try await device.engine(server).sync()
        #expect(second.rejected.isEmpty)
        #expect(try device.store.record(id: ids[1])?.rejection == nil)
        #expect(try device.store.pendingCount() == 0)
    }

    @Test("pages that hold only the device's own pushes are empty but advance; the engine reads on to the end")
    func readsPastPagesOfOwnPushes() async throws {
        let anna = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
        let ben = try TestDevice(participant: "anna", replicaSeed: 2, surveys: [survey])
        let annaIDs = try makeResponses(anna, count: 4)
        let benID = try makeResponses(ben, count: 1)[0]
        let benRecord = try #require(try ben.store.record(id: benID)).record
        let pushes = Counter(start: 0)
        let server = server
        // Anna pushes two batches (feed 1…4, hers); then another device's record lands (feed 5).
        // With pages of 2 she reads [] (hasMore), [] (hasMore), [ben's].
        let report = try await anna.engine(server, feedDevice: "anna-laptop", afterPush: {
            if pushes.next() == 2 { server.seed(benRecord) }
        }).sync()
        #expect(report.pushed == 4)
        #expect(report.pulled == 1)
        #expect(try anna.store.syncState().cursor == "5")
        #expect(try anna.store.record(id: benID)?.record == benRecord)
        #expect(Set(try anna.store.records().map(\.record.id)) == Set(annaIDs + [benID]))
        #expect(try anna.store.pendingCount() == 0)
        // Another device reads Anna's records.
        _ = try await ben.engine(server, feedDevice: "ben-laptop").sync()
        #expect(Set(try ben.store.records().map(\.record.id)) == Set(annaIDs + [benID]))
    }

    @Test("an interrupted pull resumes from the last stored page without loss or duplicates")
    func resumesInterruptedPull() async throws {
        let writer = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
        let ids = try makeResponses(writer, count: 7)
        _ = try await writer.engine(server).sync()
        let reader = try TestDevice(participant: "anna", replicaSeed: 2, surveys: [survey])
        server.changesCallsBeforeFailure = 2
        await #expect(throws: TransportError.self) { try await reader.engine(server).sync() }
        #expect(try reader.store.records().count == 4)
        #expect(try reader.store.syncState().cursor == "4")
        #expect(try reader.store.syncState().lastSyncAt == nil)
        let report = try await reader.engine(server).sync()
        #expect(report.pulled == 3)
        #expect(Set(try reader.store.records().map(\.record.id)) == Set(ids))
        #expect(try reader.store.pendingCount() == 0)
    }

    @Test("a push whose answer was lost is repeated without duplicates", arguments: [false, true])
    func repeatsLostPush(afterCommit: Bool) async throws {
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
        let ids = try makeResponses(device, count: 5)
        server.pushCallsBeforeFailure = 1
        server.pushFailsAfterCommit = afterCommit
        await #expect(throws: TransportError.self) { try await device.engine(server).sync() }
        #expect(try device.store.pendingCount() == 3)
        _ = try await device.engine(server).sync()
        #expect(try device.store.pendingCount() == 0)
        #expect(Set(server.storedRecords.keys) == Set(ids))
        #expect(try device.store.records().count == 5)
    }

    @Test("a new server epoch makes the device upload everything with the old epoch and read again")
    func epochChange() async throws {
        let anna = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
        let ben = try TestDevice(participant: "anna", replicaSeed: 2, surveys: [survey])
        let annaIDs = try makeResponses(anna, count: 3)
        _ = try await anna.engine(server).sync()
        let benIDs = try makeResponses(ben, count: 2)
        _ = try await ben.engine(server).sync()
        _ = try await anna.engine(server).sync()
        // The server is restored from a backup that predates everything.
        server.restore(records: [], epoch: "epoch-2")
        let pushesBefore = server.pushes.count
        let report = try await anna.engine(server).sync()
        #expect(report.epochChanged)
        #expect(report.epoch == "epoch-2")
        let uploads = server.pushes[pushesBefore...]
        #expect(uploads.allSatisfy { $0.epoch == "epoch-1" })
        #expect(Set(server.storedRecords.keys) == Set(annaIDs + benIDs))
        #expect(try anna.store.syncState() == SyncState(epoch: "epoch-2", pendingEpoch: nil, cursor: try anna.store.syncState().cursor, lastSyncAt: try anna.store.syncState().lastSyncAt))
        #expect(try anna.store.pendingCount() == 0)
        let benReport = try await ben.engine(server).sync()
        #expect(benReport.epochChanged)
        #expect(try ben.store.records().count == 5)
    }

    @Test("an epoch change interrupted mid-upload resumes with the old epoch")
    func epochChangeResumes() async throws {
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey])
        let ids = try makeResponses(device, count: 6)
        _ = try await device.engine(server).sync()
        server.restore(records: [], epoch: "epoch-2")
        server.pushCallsBeforeFailure = 2
        await #expect(throws: TransportError.self) { try await device.engine(server).sync() }
        #expect(try device.store.syncState().epoch == "epoch-1")
        #expect(try device.store.syncState().pendingEpoch == "epoch-2")
        _ = try await device.engine(server).sync()
        #expect(server.pushes.allSatisfy { $0.epoch == "epoch-1" })
        #expect(try device.store.syncState().epoch == "epoch-2")
        #expect(Set(server.storedRecords.keys) == Set(ids))
    }
}
