import Crypto
import Foundation
import GRDB
import SyncModel
import Testing
@testable import fieldclient

@Suite("Sealed record states")
struct SealedStateTests {
    @Test("states swapped between rows are both reported damaged, and the other records stay readable")
    func swappedStates() throws {
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [try Fixtures.survey()], encrypted: true)
        let survey = try Fixtures.survey()
        var ids: [UUID] = []
        for _ in 0..<3 {
            ids.append(try device.records.createResponse(survey: survey, answers: ["haushalt": .integer(2)], finalize: false, household: nil).id)
        }
        let keys = ids.map(LocalStore.key)
        try device.store.writer.write { db in
            let first = try DatabaseValue.fetchOne(db, sql: "SELECT state FROM records WHERE id = ?", arguments: [keys[0]])!
            let second = try DatabaseValue.fetchOne(db, sql: "SELECT state FROM records WHERE id = ?", arguments: [keys[1]])!
            try db.execute(sql: "UPDATE records SET state = ? WHERE id = ?", arguments: [second, keys[0]])
            try db.execute(sql: "UPDATE records SET state = ? WHERE id = ?", arguments: [first, keys[1]])
        }
        let (records, damaged) = try device.store.recordsAndDamage()
        #expect(Set(damaged) == Set(keys.prefix(2)))
        #expect(records.map(\.record.id).contains(ids[2]))
        #expect(throws: DamagedRecordError(id: keys[0])) { try device.store.record(id: ids[0]) }
    }

    @Test("an encrypted store keeps states and the token as sealed blobs")
    func sealedOnDisk() throws {
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [try Fixtures.survey()], encrypted: true)
        _ = try device.records.createResponse(
            survey: try Fixtures.survey(), answers: ["gefaellt": .string("Geheimnis")], finalize: false, household: nil)
        let (states, token) = try device.store.writer.read { db in
            (try DatabaseValue.fetchAll(db, sql: "SELECT state FROM records"), try String.fetchOne(db, sql: "SELECT token FROM device")!)
        }
        for state in states {
            guard case .blob(let data) = state.storage else { Issue.record("a state is not a blob"); continue }
            #expect(data.range(of: Data("Geheimnis".utf8)) == nil)
        }
        #expect(token != device.identity.token && token.hasPrefix("sealed:"))
        #expect(try device.store.device()?.token == device.identity.token)
    }

    @Test("the server's rejection message, which may quote an answer, is sealed too")
    func sealedRejection() throws {
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [try Fixtures.survey()], encrypted: true)
        let record = try device.records.createResponse(
            survey: try Fixtures.survey(), answers: ["haushalt": .integer(2)], finalize: false, household: nil)
        let sent = try device.store.pendingBatch(after: nil, limit: 10)
        let message = "'Haushalt' (haushalt): \"Geheimnis\" is not a number."
        _ = try device.store.applyPushResults(
            sent: sent, results: [PushResult(id: record.id, status: .rejected, error: ErrorDetail(.validationFailed, message))])
        let stored = try device.store.writer.read { db in try String.fetchOne(db, sql: "SELECT rejection FROM records")! }
        #expect(!stored.contains("Geheimnis"))
        #expect(try device.store.record(id: record.id)?.rejection == message)
    }
}
