import Foundation
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("Push: merging, idempotence and conflicts", .postgresPools)
struct PushTests {
    @Test("An accepted record is stored and appears in the feed; the result omits an unchanged state", arguments: StoreKind.all)
    func accepts(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let record = TestFixtures.response(
                cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": 12, "_status": "draft"])
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let answer = try await harness.push(client, device, [record])
            #expect(answer.results == [PushResult(id: record.id, status: .accepted)])
            #expect(answer.epoch == (try await harness.store.epoch()))
            let pulled = try await harness.pullAll(client, trainer)
            #expect(pulled.records == [record])
        }
    }

    @Test("Pushing the same batch again writes nothing and adds no feed entries", arguments: StoreKind.all)
    func idempotent(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let batch = (0..<5).map { index in
                TestFixtures.response(
                    cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": .integer(Int64(index))])
            }
            _ = try await harness.push(client, device, batch)
            let sequence = try await harness.maxSequence()
            let cursor = try await harness.pullAll(client, device).last.cursor
            let again = try await harness.push(client, device, batch)
            #expect(again.results.allSatisfy { $0.status == .accepted && $0.record == nil })
            #expect(try await harness.maxSequence() == sequence)
            let after = try await harness.pullAll(client, device, since: cursor)
            #expect(after.records.isEmpty)
            #expect(after.last.cursor == cursor)
        }
    }

    @Test("A stale state cannot roll a record back; the answer carries the newer state", arguments: StoreKind.all)
    func staleCannotRollBack(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let old = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": 1])
            var new = old
            new.write("wohndauer", 2, by: device.replica, at: Timestamp(millisecondsSince1970: 1_795_600_001_000))
            _ = try await harness.push(client, device, [new])
            let sequence = try await harness.maxSequence()
            let answer = try await harness.push(client, device, [old])
            #expect(answer.results.first?.status == .accepted)
            #expect(answer.results.first?.record == new)
            #expect(try await harness.maxSequence() == sequence)
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let pulled = try await harness.pullAll(client, trainer)
            #expect(pulled.records.first?.value(of: "wohndauer") == 2)
        }
    }

    @Test("Concurrent edits of two devices become siblings that both devices see after pulling", arguments: StoreKind.all)
    func concurrentSiblings(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let ayse = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let jonas = try await harness.enroll(client, cohort: "wedding", name: "Jonas")
            let door = TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: ayse.replica, fields: ["street": "Seestraße"])
            _ = try await harness.push(client, ayse, [door])
            var mine = door
            mine.write("note", "Hinterhaus", by: ayse.replica, at: Timestamp(millisecondsSince1970: 1_795_600_002_000))
            var theirs = try #require(try await harness.pullAll(client, jonas).records.first)
            theirs.write("note", "Vorderhaus", by: jonas.replica, at: Timestamp(millisecondsSince1970: 1_795_600_003_000))
            async let first = harness.push(client, ayse, [mine])
            async let second = harness.push(client, jonas, [theirs])
            let results = try await [first, second].flatMap(\.results)
            #expect(results.allSatisfy { $0.status == .accepted })
            for device in [ayse, jonas] {
                let seen = try #require(try await harness.pullAll(client, device).records.first)
                let values = Set(seen.fields["note"]?.siblings.map(\.value) ?? [])
                #expect(values == ["Hinterhaus", "Vorderhaus"])
                #expect(seen.conflicts.count == 1)
            }
        }
    }

    @Test("Visits made apart are kept; a participant cannot withdraw another's visit, a trainer can", arguments: StoreKind.all)
    func visitLogOverTheServer(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let ayse = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let jonas = try await harness.enroll(client, cohort: "wedding", name: "Jonas")
            let tina = try await harness.enroll(client, cohort: "wedding", name: "Tina", role: .trainer)
            let door = TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: ayse.replica, fields: ["street": "Seestraße"])
            _ = try await harness.push(client, ayse, [door])
            let now = harness.clock.now()
            var mine = door
            mine.write(VisitField.entry("a1"), Visit.makeEntry(at: now, by: "Ayşe", outcome: .refused, note: nil), by: ayse.replica, at: now)
            var theirs = try #require(try await harness.pullAll(client, jonas).records.first)
            theirs.write(VisitField.entry("j1"), Visit.makeEntry(at: now, by: "Jonas", outcome: .notHome, note: nil), by: jonas.replica, at: now)
            #expect(try await harness.push(client, ayse, [mine]).results.allSatisfy { $0.status == .accepted })
            #expect(try await harness.push(client, jonas, [theirs]).results.allSatisfy { $0.status == .accepted })
            var seen = try #require(try await harness.pullAll(client, jonas).records.first)
            #expect(seen.conflicts.isEmpty)
            #expect(Set(VisitLog(seen).visits.map(\.id)) == ["a1", "j1"])
            // Jonas may not withdraw Ayşe's visit: a per-record rejection with 'forbidden'.
            seen.write(VisitField.withdrawal("a1"), Visit.makeWithdrawal(at: now, by: "Jonas"), by: jonas.replica, at: now)
            let refused = try await harness.push(client, jonas, [seen]).results
            #expect(refused.map(\.status) == [.rejected])
            #expect(refused.first?.error?.code == ErrorCode.forbidden.rawValue)
            var trainers = try #require(try await harness.pullAll(client, tina).records.first)
            #expect(VisitLog(trainers).status == .refused)
            trainers.write(VisitField.withdrawal("a1"), Visit.makeWithdrawal(at: now, by: "Tina"), by: tina.replica, at: now)
            #expect(try await harness.push(client, tina, [trainers]).results.allSatisfy { $0.status == .accepted })
            let after = try #require(try await harness.pullAll(client, ayse).records.first)
            #expect(VisitLog(after).status == .notHome)
        }
    }

    @Test("A rejection never affects the other records of the batch", arguments: StoreKind.all)
    func rejectionIsolated(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let good = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": 4])
            let bad = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": 400])
            let alsoGood = TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: device.replica, fields: ["street": "A"])
            let answer = try await harness.push(client, device, [good, bad, alsoGood])
            #expect(answer.results.map(\.status) == [.accepted, .rejected, .accepted])
            #expect(answer.results.map(\.id) == [good.id, bad.id, alsoGood.id])
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let ids = Set(try await harness.pullAll(client, trainer).records.map(\.id))
            #expect(ids == [good.id, alsoGood.id])
        }
    }

    @Test("Two states of one record in one batch merge", arguments: StoreKind.all)
    func duplicateInBatch(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let first = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": 4])
            var second = first
            second.write("zufrieden", "ja", by: device.replica, at: Timestamp(millisecondsSince1970: 1_795_600_009_000))
            let answer = try await harness.push(client, device, [second, first])
            #expect(answer.results.map(\.status) == [.accepted, .accepted])
            #expect(answer.results[1].record == second)
            #expect(try await harness.maxSequence() == 1)
        }
    }

    @Test("A trainer corrects a participant's response; the participant sees the correction", arguments: StoreKind.all)
    func trainerCorrects(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let ayse = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Weber", role: .trainer)
            let record = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: ayse.replica, answers: ["wohndauer": 40])
            _ = try await harness.push(client, ayse, [record])
            var corrected = try #require(try await harness.pullAll(client, trainer).records.first { $0.id == record.id })
            corrected.write("wohndauer", 4, by: trainer.replica, at: Timestamp(millisecondsSince1970: 1_795_600_010_000))
            #expect(try await harness.push(client, trainer, [corrected]).results.first?.status == .accepted)
            let seen = try #require(try await harness.pullAll(client, ayse).records.first { $0.id == record.id })
            #expect(seen.value(of: "wohndauer") == 4)
            #expect(seen.owner == "Ayşe")
        }
    }

    @Test(
        "The door list imported again without its id column, as a trainer saves it, changes nothing and doubles no door",
        arguments: StoreKind.all)
    func doorListWithoutIDs(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        let csv = """
            id,street,house_number,postcode,note
            f38b2ffc-80a4-4f5a-91c9-bc701e7ea419,Lindenstraße,1,04177,
            f3f49249-dc28-4f90-a5ae-c7978306d03b,Lindenstraße,2,04177,Hinterhaus
            """
        #expect(try await harness.administration.importHouseholds(csv: csv, cohort: "wedding").created == 2)
        let withoutIDs = """
            Straße;Hausnummer;PLZ;Hinweis
            Lindenstr.;1;4177;
            Lindenstraße;2;04177;Hinterhaus, 2. Hof
            Lindenstraße;3;04177;
            """
        let again = try await harness.administration.importHouseholds(csv: withoutIDs, cohort: "wedding")
        #expect(again == HouseholdImportSummary(cohort: "wedding", created: 1, updated: 2, unchanged: 0))
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "T", role: .trainer)
            let doors = try await harness.pullAll(client, trainer).records.filter { $0.collection == RecordCollection.households }
            #expect(doors.count == 3)
            let second = try #require(doors.first { $0.id.uuidString.lowercased() == "f3f49249-dc28-4f90-a5ae-c7978306d03b" })
            #expect(second.value(of: HouseholdField.note) == .string("Hinterhaus, 2. Hof"))
        }
    }

    @Test("Household import writes once, then only changes, and keeps visit fields", arguments: StoreKind.all)
    func householdImport(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        let first = try await harness.administration.importHouseholds(csv: TestFixtures.householdsCSV, cohort: "wedding")
        #expect(first == HouseholdImportSummary(cohort: "wedding", created: 2, updated: 0, unchanged: 0))
        let again = try await harness.administration.importHouseholds(csv: TestFixtures.householdsCSV, cohort: "wedding")
        #expect(again == HouseholdImportSummary(cohort: "wedding", created: 0, updated: 0, unchanged: 2))
        let sequence = try await harness.maxSequence()
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            var door = try #require(try await harness.pullAll(client, device).records.first { $0.value(of: "houseNumber") == "12" })
            #expect(door.id == CohortAdministration.householdID(cohort: "wedding", rowID: "h-001"))
            door.write("outcome", "not-home", by: device.replica, at: harness.clock.now())
            #expect(try await harness.push(client, device, [door]).results.first?.status == .accepted)
        }
        #expect(try await harness.maxSequence() == sequence + 1)
        let changed = TestFixtures.householdsCSV.replacingOccurrences(of: "Müllerstraße,12", with: "Müllerstraße,12b")
        let update = try await harness.administration.importHouseholds(csv: changed, cohort: "wedding")
        #expect(update == HouseholdImportSummary(cohort: "wedding", created: 0, updated: 1, unchanged: 1))
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "T", role: .trainer)
            let door = try #require(try await harness.pullAll(client, trainer).records.first { $0.value(of: "houseNumber") == "12b" })
            #expect(door.value(of: "outcome") == "not-home")
            #expect(door.value(of: "street") == "Müllerstraße")
        }
    }

    /// Regression (reliability harness): importing a door list whose UUID ids belong to another
    /// cohort reported "40 unchanged doors" and gave the second cohort no doors at all; with other
    /// values it would have overwritten the first cohort's doors.
    @Test("Household ids of another cohort are refused with 409 and change nothing", arguments: StoreKind.all)
    func householdImportRefusesAnotherCohortsIDs(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.makeCohort("moabit")
        let csv = """
            id,street,house_number,postcode,note
            0f6c1b0e-3d1a-4c55-9a40-6f0b2a1e7d11,Müllerstraße,12,13353,
            """
        _ = try await harness.administration.importHouseholds(csv: csv, cohort: "wedding")
        let sequence = try await harness.maxSequence()
        let changed = csv.replacingOccurrences(of: "Müllerstraße", with: "Turmstraße")
        let taken = AdministrationError.doorIDTaken(doorID: "0f6c1b0e-3d1a-4c55-9a40-6f0b2a1e7d11", cohort: "moabit")
        await #expect(throws: taken) {
            _ = try await harness.administration.importHouseholds(csv: changed, cohort: "moabit")
        }
        await #expect(throws: taken) {
            _ = try await harness.administration.importHouseholds(csv: csv, cohort: "moabit")
        }
        let mapped = APIError(mapping: taken)
        #expect(mapped.status == .conflict)
        #expect(mapped.detail.message.contains("another cohort"))
        #expect(try await harness.maxSequence() == sequence)
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "T", role: .trainer)
            let door = try #require(try await harness.pullAll(client, trainer).records.first)
            #expect(door.value(of: "street") == "Müllerstraße")
        }
    }

    /// Regression (schemathesis, negative_data_rejection): the server reads an optional property
    /// sent as null like an absent one, but openapi.yaml did not allow null, so accepted requests
    /// counted as schema-violating. The document now says null is allowed; this holds the server to it.
    @Test("Optional properties sent as null are accepted like absent ones")
    func nullOptionalPropertiesAreAccepted() async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let (id, other) = (UUID().uuidString.lowercased(), UUID().uuidString.lowercased())
            let replica = device.replica.description
            let body = """
                {"epoch": null, "records": [{"id": "\(id)", "collection": "households", "cohort": "wedding",
                "survey": null, "surveyVersion": null, "owner": "Ayşe", "version": {"\(replica)": 2},
                "fields": {"note": [{"dot": "\(replica):1", "value": "Hinterhaus", "at": 1795600000000}]},
                "deleted": [{"dot": "\(replica):2", "value": {"deleted": false, "seen": null}, "at": 1795600001000}]},
                {"id": "\(other)", "collection": "households", "cohort": "wedding", "owner": "Ayşe",
                "version": {"\(replica)": 1}, "deleted": null,
                "fields": {"note": [{"dot": "\(replica):1", "value": "Vorderhaus", "at": 1795600000000}]}}]}
                """
            let response = try await client.send(.post, "/v1/sync/push", token: device.token, text: body)
            #expect(response.status == .ok, "\(response.text)")
            let results = try response.decode(PushResponse.self).results
            #expect(results.map(\.status) == [.accepted, .accepted], "\(results)")
        }
    }
}
