import Foundation
import GRDB
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("Changes: a device does not read back the states its own push stored", .postgresPools)
struct OwnPushFeedTests {
    /// One page of `device`'s feed after `cursor`.
    private static func page(
        _ client: any TestClientProtocol, _ device: EnrolledDevice, since cursor: String, limit: Int
    ) async throws -> ChangesPage {
        let response = try await client.send(.get, "/v1/sync/changes?since=\(cursor)&limit=\(limit)", token: device.token)
        #expect(response.status == .ok, "changes answered \(response.status): \(response.text)")
        return try response.decode(ChangesPage.self)
    }

    /// The record ids that reports and exports read, through `CohortRecordReader`.
    private static func idsReadByReports<Store: RecordStore>(_ store: Store, cohort: String) async throws -> [UUID] {
        var ids: [UUID] = []
        try await CohortRecordReader(store: store, cohort: cohort).forEachPage { ids += $0.map(\.id) }
        return ids
    }

    @Test("An own push is left out of the pusher's feed only: its other laptop, the trainer and others read it",
        arguments: StoreKind.all)
    func ownPushLeftOutForThePusherOnly(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let ayse = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let ayseLaptop2 = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let jonas = try await harness.enroll(client, cohort: "wedding", name: "Jonas")
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let response = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: ayse.replica, answers: ["wohndauer": 3])
            let door = TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: ayse.replica, fields: ["street": "A"])
            let trainerDoor = TestFixtures.household(
                cohort: "wedding", owner: "Weber", replica: trainer.replica, fields: ["street": "B"])
            let answer = try await harness.push(client, ayse, [response, door])
            #expect(answer.results == [PushResult(id: response.id, status: .accepted), PushResult(id: door.id, status: .accepted)])
            _ = try await harness.push(client, trainer, [trainerDoor])

            let own = try await harness.pullAll(client, ayse)
            #expect(own.records == [trainerDoor])
            #expect(own.last.cursor == String(try await harness.maxSequence()))
            #expect(try await harness.pullAll(client, ayseLaptop2).records == [response, door, trainerDoor])
            #expect(try await harness.pullAll(client, trainer).records == [response, door])
            #expect(try await harness.pullAll(client, jonas).records == [door, trainerDoor])
        }
    }

    @Test("A push that merged with a concurrent state is read back by the pusher, in the merged state",
        arguments: StoreKind.all)
    func mergedPushIsReadBack(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let ayse = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            var mine = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: ayse.replica, answers: ["wohndauer": 1])
            _ = try await harness.push(client, ayse, [mine])
            let cursor = try await harness.pullAll(client, ayse).last.cursor
            // The trainer corrects another answer; meanwhile Ayşe, offline, changes hers.
            var theirs = try #require(try await harness.pullAll(client, trainer).records.first)
            theirs.write("zufrieden", "ja", by: trainer.replica, at: harness.clock.now())
            _ = try await harness.push(client, trainer, [theirs])
            mine.write("wohndauer", 2, by: ayse.replica, at: harness.clock.now())
            let answer = try await harness.push(client, ayse, [mine])
            let merged = try #require(answer.results.first?.record)
            #expect(merged.value(of: "wohndauer") == 2 && merged.value(of: "zufrieden") == "ja")

            #expect(try await harness.pullAll(client, ayse, since: cursor).records == [merged])
            #expect(try await harness.pullAll(client, trainer).records == [merged])
        }
    }

    @Test("The cursor passes left-out entries: pages of only own pushes are empty but advance",
        arguments: StoreKind.all, [Role.participant, .trainer])
    func cursorPassesLeftOutEntries(kind: StoreKind, role: Role) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            // A participant's feed is two range scans (shared and own), a trainer's one.
            let me = try await harness.enroll(client, cohort: "wedding", name: "Ayşe", role: role)
            let other = try await harness.enroll(
                client, cohort: "wedding", name: "Jonas", role: role == .trainer ? .participant : .trainer)
            func doors(_ device: EnrolledDevice, _ count: Int) -> [SyncModel.Record] {
                (0..<count).map { index in
                    TestFixtures.household(
                        cohort: "wedding", owner: device.participant, replica: device.replica, fields: ["street": .string("S\(index)")])
                }
            }
            let otherDoor = doors(other, 1)
            _ = try await harness.push(client, me, doors(me, 2))
            let afterFirst = try await harness.maxSequence()
            _ = try await harness.push(client, other, otherDoor)
            _ = try await harness.push(client, me, doors(me, 2))
            let last = try await harness.maxSequence()
            #expect(last == afterFirst + 3)

            let first = try await Self.page(client, me, since: "", limit: 2)
            #expect(first.records.isEmpty && first.hasMore && first.cursor == String(afterFirst))
            let second = try await Self.page(client, me, since: first.cursor, limit: 2)
            #expect(second.records == otherDoor && second.hasMore && second.cursor == String(afterFirst + 2))
            let third = try await Self.page(client, me, since: second.cursor, limit: 2)
            #expect(third.records.isEmpty && !third.hasMore && third.cursor == String(last))
            let done = try await Self.page(client, me, since: third.cursor, limit: 2)
            #expect(done.records.isEmpty && !done.hasMore && done.cursor == String(last))
        }
    }

    @Test("A later change of the same record by someone else is read by the first pusher, and vice versa",
        arguments: StoreKind.all)
    func laterChangeByOthersIsRead(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let ayse = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let record = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: ayse.replica, answers: ["wohndauer": 1])
            _ = try await harness.push(client, ayse, [record])
            let ayseCursor = try await harness.pullAll(client, ayse).last.cursor
            let pulled = try await harness.pullAll(client, trainer)
            var corrected = try #require(pulled.records.first)
            corrected.write("wohndauer", 10, by: trainer.replica, at: harness.clock.now())
            let answer = try await harness.push(client, trainer, [corrected])
            #expect(answer.results == [PushResult(id: record.id, status: .accepted)])

            #expect(try await harness.pullAll(client, trainer, since: pulled.last.cursor).records.isEmpty)
            let seen = try await harness.pullAll(client, ayse, since: ayseCursor)
            #expect(seen.records == [corrected])
            var again = corrected
            again.write("wohndauer", 11, by: ayse.replica, at: harness.clock.now())
            _ = try await harness.push(client, ayse, [again])
            #expect(try await harness.pullAll(client, ayse, since: seen.last.cursor).records.isEmpty)
            #expect(try await harness.pullAll(client, trainer, since: pulled.last.cursor).records == [again])
        }
    }

    @Test("A SQLite database from before origins is upgraded in place; its states have no origin and every device reads them")
    func upgradedDatabaseHasNoOrigins() async throws {
        let queue = try DatabaseQueue()
        try SQLiteRecordStore.migrator(random: SeededRandomSource(seed: 3)).migrate(queue, upTo: "v2 dashboard logins")
        let record = TestFixtures.response(
            cohort: "wedding", owner: "Ayşe", replica: ReplicaID(high: 1, low: 1), answers: ["wohndauer": 5])
        let state = try JSONEncoder().encode(record)
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO records (id, cohort, collection, owner, survey, survey_version, scope, sequence, state, updated_at)
                    VALUES (?, 'wedding', 'responses', 'Ayşe', 'nachbarschaft', 1, ?, 1, ?, 0)
                    """,
                arguments: [record.id.uuidString, FeedScope.owner("Ayşe"), state])
        }
        let store = try SQLiteRecordStore(writer: queue)
        let asTrainer = try await store.changes(in: .cohort("wedding"), after: 0, limit: 10, reader: "any-device")
        let asOwner = try await store.changes(
            in: .participant(cohort: "wedding", owner: "Ayşe"), after: 0, limit: 10, reader: "any-device")
        #expect(asTrainer.states == [state] && asTrainer.cursor == 1)
        #expect(asOwner.states == [state] && asOwner.cursor == 1)
        let origins = try await store.writer.read { db in try String?.fetchAll(db, sql: "SELECT origin FROM records") }
        #expect(origins == [nil])
    }

    @Test("Readers without a device (reports, exports) and imported doors are never left out", arguments: StoreKind.all)
    func readersWithoutDeviceSeeEverything(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        let (ayse, trainer) = try await harness.run { client in
            (try await harness.enroll(client, cohort: "wedding", name: "Ayşe"),
             try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer))
        }
        let records = (0..<3).map { index in
            TestFixtures.response(
                cohort: "wedding", owner: "Ayşe", replica: ayse.replica, answers: ["wohndauer": .integer(Int64(index))])
        }
        try await harness.run { client in _ = try await harness.push(client, ayse, records) }
        let page = try await harness.store.changes(in: .cohort("wedding"), after: 0, limit: 10, reader: nil)
        let decoded = try page.records()
        #expect(decoded == records)
        #expect(try await Self.idsReadByReports(harness.store, cohort: "wedding") == records.map(\.id))
        let imported = try await harness.administration.importHouseholds(csv: TestFixtures.householdsCSV, cohort: "wedding")
        #expect(imported.created == 2)
        try await harness.run { client in
            let trainerReads = try await harness.pullAll(client, trainer).records
            let ayseReads = try await harness.pullAll(client, ayse).records
            #expect(trainerReads.count == 3 + 2)
            #expect(ayseReads.map(\.collection) == ["households", "households"])
        }
    }
}
