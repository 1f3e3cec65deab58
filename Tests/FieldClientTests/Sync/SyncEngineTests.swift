import Foundation
import SyncModel
import Testing
@testable import fieldclient

/// The sync engine against the real server's router in memory: convergence, pending tracking,
/// rejections, resuming after interruptions, and epoch changes. Network faults come from a
/// ``FaultyTransport`` around it; merge, feed, origin and epoch rules are the server's own.
@Suite("SyncEngine")
struct SyncEngineTests {
    let survey: SurveyDefinition
    let server: InMemoryServer

    init() async throws {
        survey = try Fixtures.survey()
        server = try await InMemoryServer(surveyFiles: [Fixtures.root.appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml")])
    }

    private func makeResponses(_ device: TestDevice, count: Int) throws -> [UUID] {
        try (0..<count).map { index in
            try device.records.createResponse(
                survey: survey, answers: ["haushalt": .integer(Int64(index % 20 + 1))], finalize: false, household: nil
            ).id
        }
    }

    private func device(_ participant: String, _ seed: UInt64) throws -> TestDevice {
        try TestDevice(participant: participant, replicaSeed: seed, surveys: [survey])
    }

    @Test("two devices converge and see a concurrent edit as a conflict")
    func convergence() async throws {
        let anna = try device("anna", 1)
        let ben = try device("anna", 2)
        let annaEngine = anna.engine(try await anna.connect(to: server))
        let benEngine = ben.engine(try await ben.connect(to: server))
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
        #expect(a.record == (try await server.storedRecords[id]))
        #expect(a.record.conflicts.first?.fieldName == "haushalt")
        #expect(!a.isPending && !b.isPending)
    }

    @Test("the report holds each push's time by the device's clock, one per batch")
    func pushTimesAreReported() async throws {
        let device = try device("anna", 1)
        _ = try makeResponses(device, count: 5)
        // Batches of 2: three pushes, each read between two ticks of the stepping clock (1 s apart).
        let engine = device.engine(try await device.connect(to: server))
        let report = try await engine.sync()
        #expect(report.pushed == 5)
        #expect(report.pushMilliseconds == [1_000, 1_000, 1_000])
        #expect(try await engine.sync().pushMilliseconds == [], "nothing left to push")
    }

    @Test("a record changed while its push was in flight stays pending")
    func changedDuringPushStaysPending() async throws {
        let device = try device("anna", 1)
        let ids = try makeResponses(device, count: 2)
        let records = device.records
        let pushes = Counter(start: 0)
        let transport = try await device.connect(to: server, afterPush: {
            if pushes.next() == 1 { _ = try? records.edit(ids[0], changes: ["haushalt": 9]) }
        })
        let report = try await device.engine(transport).sync()
        #expect(report.pushed == 2)
        #expect(try device.store.record(id: ids[0])?.isPending == true)
        #expect(try device.store.record(id: ids[1])?.isPending == false)
        _ = try await device.engine(transport).sync()
        #expect(try await server.storedRecords[ids[0]]?.value(of: "haushalt") == 9)
        #expect(try device.store.pendingCount() == 0)
    }

    @Test("a record the server refuses stays on the device with the server's message; the others go through")
    func rejectedRecordIsKept() async throws {
        let device = try device("anna", 1)
        let ids = try makeResponses(device, count: 3)
        // Written past the client's own validation, as an older client version could have.
        _ = try device.store.update(id: ids[1]) { record in
            var changed = record
            changed.write("haushalt", .integer(99), by: device.replica, at: Timestamp(millisecondsSince1970: 5_000))
            return changed
        }
        let engine = device.engine(try await device.connect(to: server))
        let report = try await engine.sync()
        #expect(report.rejected.map(\.id) == [ids[1]])
        #expect(report.pushed == 2)
        let kept = try #require(try device.store.record(id: ids[1]))
        #expect(kept.isPending)
        #expect(kept.rejection?.contains("haushalt") == true, "the server's message names the question: \(kept.rejection ?? "none")")
        #expect(kept.record.value(of: "haushalt") == 99)
        #expect(try await server.storedRecords[ids[1]] == nil)
        try device.records.edit(ids[1], changes: ["haushalt": 2])
        let second = try await engine.sync()
        #expect(second.rejected.isEmpty)
        #expect(try device.store.record(id: ids[1])?.rejection == nil)
        #expect(try device.store.pendingCount() == 0)
        #expect(try await server.storedRecords[ids[1]]?.value(of: "haushalt") == 2)
    }

    @Test("pages that hold only the device's own pushes are empty but advance; the engine reads on to the end")
    func readsPastPagesOfOwnPushes() async throws {
        let anna = try device("anna", 1)
        let ben = try device("anna", 2)
        let annaIDs = try makeResponses(anna, count: 4)
        let benID = try makeResponses(ben, count: 1)[0]
        let benEngine = ben.engine(try await ben.connect(to: server))
        let pushes = Counter(start: 0)
        // Anna pushes two batches (feed 1…4, hers); then Ben's record lands (feed 5).
        // With pages of 2 she reads [] (hasMore), [] (hasMore), [Ben's].
        let report = try await anna.engine(
            try await anna.connect(to: server, afterPush: { if pushes.next() == 2 { _ = try await benEngine.sync() } })
        ).sync()
        #expect(report.pushed == 4)
        #expect(report.pulled == 1)
        #expect(try anna.store.syncState().cursor == "5")
        #expect(try anna.store.record(id: benID)?.record == (try ben.store.record(id: benID)?.record))
        #expect(Set(try anna.store.records().map(\.record.id)) == Set(annaIDs + [benID]))
        #expect(try anna.store.pendingCount() == 0)
        // Ben reads Anna's records.
        _ = try await benEngine.sync()
        #expect(Set(try ben.store.records().map(\.record.id)) == Set(annaIDs + [benID]))
    }

    @Test("an interrupted pull resumes from the last stored page without loss or duplicates")
    func resumesInterruptedPull() async throws {
        let writer = try device("anna", 1)
        let ids = try makeResponses(writer, count: 7)
        _ = try await writer.engine(try await writer.connect(to: server)).sync()
        let reader = try device("anna", 2)
        let transport = try await reader.connect(to: server)
        transport.failChanges(after: 2)
        await #expect(throws: TransportError.self) { try await reader.engine(transport).sync() }
        #expect(try reader.store.records().count == 4)
        #expect(try reader.store.syncState().cursor == "4")
        #expect(try reader.store.syncState().lastSyncAt == nil)
        let report = try await reader.engine(transport).sync()
        #expect(report.pulled == 3)
        #expect(Set(try reader.store.records().map(\.record.id)) == Set(ids))
        #expect(try reader.store.pendingCount() == 0)
    }

    @Test("a push whose answer was lost is repeated without duplicates", arguments: [false, true])
    func repeatsLostPush(afterCommit: Bool) async throws {
        let device = try device("anna", 1)
        let ids = try makeResponses(device, count: 5)
        let transport = try await device.connect(to: server)
        transport.failPush(after: 1, afterCommit: afterCommit)
        await #expect(throws: TransportError.self) { try await device.engine(transport).sync() }
        #expect(try device.store.pendingCount() == 3)
        #expect(try await server.storedRecords.count == (afterCommit ? 4 : 2))
        _ = try await device.engine(transport).sync()
        #expect(try device.store.pendingCount() == 0)
        let stored = try await server.storedRecords
        #expect(Set(stored.keys) == Set(ids))
        for id in ids { #expect(stored[id] == (try device.store.record(id: id)?.record)) }
        #expect(try device.store.records().count == 5)
    }

    @Test("a restored backup makes the devices upload everything with the old epoch and read again")
    func epochChange() async throws {
        let anna = try device("anna", 1)
        let ben = try device("anna", 2)
        let annaTransport = try await anna.connect(to: server)
        let benTransport = try await ben.connect(to: server)
        // The backup predates every record.
        let backup = try await server.backup()
        let oldEpoch = try await server.epoch
        let annaIDs = try makeResponses(anna, count: 3)
        _ = try await anna.engine(annaTransport).sync()
        let benIDs = try makeResponses(ben, count: 2)
        _ = try await ben.engine(benTransport).sync()
        _ = try await anna.engine(annaTransport).sync()
        try server.restore(backup)
        let newEpoch = try await server.epoch
        #expect(newEpoch != oldEpoch)
        #expect(try await server.storedRecords.isEmpty)
        let pushesBefore = annaTransport.pushes.count
        let report = try await anna.engine(annaTransport).sync()
        #expect(report.epochChanged)
        #expect(report.epoch == newEpoch)
        let uploads = annaTransport.pushes[pushesBefore...]
        #expect(!uploads.isEmpty)
        #expect(uploads.allSatisfy { $0.epoch == oldEpoch })
        #expect(Set(try await server.storedRecords.keys) == Set(annaIDs + benIDs))
        let state = try anna.store.syncState()
        #expect(state.epoch == newEpoch && state.pendingEpoch == nil)
        #expect(try anna.store.pendingCount() == 0)
        let benReport = try await ben.engine(benTransport).sync()
        #expect(benReport.epochChanged)
        #expect(try ben.store.records().count == 5)
    }

    @Test("an epoch change interrupted mid-upload resumes with the old epoch")
    func epochChangeResumes() async throws {
        let device = try device("anna", 1)
        let transport = try await device.connect(to: server)
        let backup = try await server.backup()
        let oldEpoch = try await server.epoch
        let ids = try makeResponses(device, count: 6)
        _ = try await device.engine(transport).sync()
        try server.restore(backup)
        let newEpoch = try await server.epoch
        let pushesBefore = transport.pushes.count
        transport.failPush(after: 2, afterCommit: false)
        await #expect(throws: TransportError.self) { try await device.engine(transport).sync() }
        #expect(try device.store.syncState().epoch == oldEpoch)
        #expect(try device.store.syncState().pendingEpoch == newEpoch)
        _ = try await device.engine(transport).sync()
        #expect(transport.pushes[pushesBefore...].allSatisfy { $0.epoch == oldEpoch })
        #expect(try device.store.syncState().epoch == newEpoch)
        #expect(Set(try await server.storedRecords.keys) == Set(ids))
    }
}
