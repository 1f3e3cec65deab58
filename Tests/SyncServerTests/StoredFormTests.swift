import Foundation
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

/// Records are stored in the compact binary form, states of older databases (JSON) are still
/// read, and everything that leaves a store is wire JSON.
@Suite("Stored form: binary states, JSON states of older databases, wire JSON out")
struct StoredFormTests {
    @Test("Pushed records are stored in the binary form and pulled as the same records", arguments: StoreKind.all)
    func pushedRecordsAreStoredInBinary(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            // The trainer reads them back: a device's own pushes are left out of its own feed.
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Tina", role: .trainer)
            let records = (0..<3).map { index in
                TestFixtures.response(
                    cohort: "wedding", owner: "Ayşe", replica: device.replica,
                    answers: ["wohndauer": .integer(Int64(index)), "zufrieden": "nein", "_note": "Größe: über 3 m²"])
            }
            _ = try await harness.push(client, device, records)
            for record in records {
                let state = try #require(try await harness.inspection.storedState(of: record.id))
                #expect(state.first == StoredRecordEncoding.marker)
                #expect(try StoredRecordEncoding.decode(state) == record)
            }
            #expect(try await harness.pullAll(client, trainer).records == records)
        }
    }

    @Test(
        "A JSON state of an older database is served byte for byte, merges, and is stored in binary once it changes",
        arguments: StoreKind.all)
    func legacyJSONStatesKeepWorking(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            // The trainer reads them back: a device's own pushes are left out of its own feed.
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Tina", role: .trainer)
            var old = TestFixtures.response(
                cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": 3, "zufrieden": "ja"])
            let new = TestFixtures.response(
                cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": 12])
            _ = try await harness.push(client, device, [old, new])
            let legacy = try JSONEncoder().encode(old)
            try await harness.inspection.replaceStoredState(of: old.id, with: legacy)

            let page = try await client.send(.get, "/v1/sync/changes", token: trainer.token)
            #expect(page.status == .ok)
            #expect(Data(page.body.readableBytesView).firstRange(of: legacy) != nil, "the JSON state is spliced in unchanged")
            #expect(try page.decode(ChangesPage.self).records == [old, new])

            old.write("_note", "ruft zurück", by: device.replica, at: harness.clock.now())
            let answer = try await harness.push(client, device, [old])
            #expect(answer.results.count == 1)
            let state = try #require(try await harness.inspection.storedState(of: old.id))
            #expect(state.first == StoredRecordEncoding.marker)
            #expect(try StoredRecordEncoding.decode(state) == old)
            let after = try await harness.pullAll(client, trainer)
            #expect(after.records.last == old)
        }
    }

    @Test("migrate's transfer hands out the records of binary and JSON states alike")
    func exportCarriesRecords() async throws {
        let (store, records) = try await Self.mixedSQLiteStore()
        let exported = try await store.exportRecords(after: 0, limit: 100)
        #expect(exported.count == records.count)
        for item in exported {
            #expect(item.record == records[item.record.id])
        }
    }

    @Test(
        "A move to PostgreSQL stores every state in the binary form, from binary and JSON sources alike",
        .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL (scripts/test sets it)"))
    func importStoresBinary() async throws {
        let (source, records) = try await Self.mixedSQLiteStore()
        let target = try await TestPostgres.makeStore(random: SeededRandomSource(seed: 5))
        let moved = try await target.importDeployment(
            try await source.exportHeader(), newEpoch: "epoch-after-move", at: Timestamp(millisecondsSince1970: 1),
            relays: [], nextRecords: { after in try await source.exportRecords(after: after, limit: 2) })
        #expect(moved.records == records.count)
        for (id, record) in records {
            let state = try #require(try await target.storedState(of: id))
            #expect(state.first == StoredRecordEncoding.marker)
            #expect(try StoredRecordEncoding.decode(state) == record)
        }
        let page = try await target.changes(in: .cohort("wedding"), after: 0, limit: 100, reader: nil)
        #expect(Set(try page.records()) == Set(records.values))
    }

    /// An in-memory SQLite store with five pushed records, two of them turned back into the JSON
    /// states an older server stored.
    static func mixedSQLiteStore() async throws -> (SQLiteRecordStore, [UUID: SyncModel.Record]) {
        let store = try SQLiteRecordStore.inMemory(random: SeededRandomSource(seed: 3))
        let harness = try TestHarness(store: store)
        try await harness.makeCohort("wedding")
        let records = try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Jürgen")
            let records = (0..<5).map { index in
                TestFixtures.response(
                    cohort: "wedding", owner: "Jürgen", replica: device.replica, answers: ["wohndauer": .integer(Int64(index))])
            }
            _ = try await harness.push(client, device, records)
            return records
        }
        for record in records.prefix(2) {
            try await store.replaceStoredState(of: record.id, with: try JSONEncoder().encode(record))
            #expect(try await store.storedState(of: record.id)?.first == UInt8(ascii: "{"))
        }
        return (store, Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) }))
    }
}
