import Foundation
import SyncModel
import Testing

@testable import SyncServer

/// Erasure and retention on both backends: `syncserver erase`, `purge`, a pushed old state of an
/// erased record, and the erasure journal that a restore or a migration cannot undo.
@Suite("RecordErasure", .postgresPools)
struct RecordErasureTests {
    static let anna = ReplicaID(high: 0xA, low: 1)
    static let tina = ReplicaID(high: 0xB, low: 2)
    static let marker = "Ruf mich an: 0171 5550199"

    /// A store of `kind` with the cohorts "kurs" and "other", and an erasure service on a test clock.
    static func makeService(_ kind: StoreKind, journal: ErasureJournal? = nil) async throws -> (RecordErasure, TestClock) {
        let store = try await kind.makeStore(random: SeededRandomSource(seed: 16), journal: journal)
        for cohort in ["kurs", "other"] {
            _ = try await store.createCohort(named: cohort, at: Timestamp(millisecondsSince1970: 1))
        }
        let clock = TestClock()
        return (RecordErasure(store: store, environment: ServerEnvironment(clock: clock, logger: .quiet)), clock)
    }

    /// Stores `records` as one batch.
    static func commit(_ records: [SyncModel.Record], to store: any RecordStore) async throws {
        _ = try await store.commitBatch(ids: records.map(\.id), requestEpoch: nil, at: Timestamp(millisecondsSince1970: 2)) {
            _ in BatchPlan(results: [], writes: records, relays: [])
        }
    }

    /// Every state of the cohort's feed, with its sequence order.
    static func feed(_ store: any RecordStore, cohort: String = "kurs") async throws -> [SyncModel.Record] {
        try await store.changes(in: .cohort(cohort), after: 0, limit: 1000, reader: nil).records()
    }

    static func response(_ text: String, cohort: String = "kurs") -> SyncModel.Record {
        TestFixtures.response(cohort: cohort, owner: "anna", replica: anna, answers: ["gefaellt": .string(text)])
    }

    @Test("erase stores an erased state with a new feed sequence, no content, and is idempotent", arguments: StoreKind.all)
    func eraseWritesANewFeedEntry(kind: StoreKind) async throws {
        let (service, _) = try await Self.makeService(kind)
        let kept = Self.response("bleibt")
        let erased = Self.response(Self.marker)
        try await Self.commit([erased, kept], to: service.store)
        let before = try await service.store.changes(in: .cohort("kurs"), after: 0, limit: 1000, reader: nil).cursor

        let result = try await service.erase(id: erased.id, cohort: "kurs", erasedBy: "tina")
        #expect(result.isErased && result.fields.isEmpty && result.deletion.isEmpty)
        #expect(result.erasure == Erasure(erasedBy: "tina", erasedAt: TestClock().now(), reason: Erasure.onRequest))
        let page = try await service.store.changes(in: .cohort("kurs"), after: before, limit: 1000, reader: "d-other")
        #expect(try page.records() == [result])
        #expect(try await Self.feed(service.store).first { $0.id == kept.id } == kept)
        // The stored state holds nothing of the answer.
        for state in try await service.store.changes(in: .cohort("kurs"), after: 0, limit: 1000, reader: nil).states {
            #expect(!String(decoding: state, as: UTF8.self).contains("0171"))
        }
        // Again: same state, no new feed entry.
        #expect(try await service.erase(id: erased.id, cohort: "kurs", erasedBy: "someone else") == result)
        let after = try await service.store.changes(in: .cohort("kurs"), after: 0, limit: 1000, reader: nil).cursor
        #expect(after == before + 1)
    }

    @Test("erase refuses an unknown id and a record of another cohort, changing nothing", arguments: StoreKind.all)
    func eraseRefusesUnknownRecords(kind: StoreKind) async throws {
        let (service, _) = try await Self.makeService(kind)
        let foreign = Self.response(Self.marker, cohort: "other")
        try await Self.commit([foreign], to: service.store)
        for id in [UUID(), foreign.id] {
            await #expect(throws: AdministrationError.unknownRecord(id: id.uuidString, cohort: "kurs")) {
                try await service.erase(id: id, cohort: "kurs", erasedBy: "tina")
            }
        }
        #expect(try await Self.feed(service.store, cohort: "other") == [foreign])
        await #expect(throws: AdministrationError.unknownCohort("nirgends")) {
            try await service.erase(id: foreign.id, cohort: "nirgends", erasedBy: "tina")
        }
    }

    @Test("an offline device's push of its old state gets the erasure back and stores no content", arguments: StoreKind.all)
    func pushAfterErasureAnswersTheErasure(kind: StoreKind) async throws {
        let (service, _) = try await Self.makeService(kind)
        let original = Self.response("alt")
        try await Self.commit([original], to: service.store)
        let erased = try await service.erase(id: original.id, cohort: "kurs", erasedBy: "tina")
        var offline = original
        offline.write("gefaellt", .string(Self.marker), by: Self.anna, at: Timestamp(millisecondsSince1970: 1_795_600_100_000))
        let planner = PushPlanner(
            device: DeviceInfo(
                id: "d-anna", cohort: "kurs", participant: "anna", role: .participant, name: "Annas Laptop",
                replicaId: Self.anna, createdAt: Timestamp(millisecondsSince1970: 1), revokedAt: nil),
            surveys: [SurveyKey(id: "nachbarschaft", version: 1): try SurveyDefinition.parse(TestFixtures.surveyJSON)],
            replicaOwners: [:], requestEpoch: nil)
        let sent = offline
        let outcome = try await service.store.commitBatch(ids: [sent.id], requestEpoch: nil, at: TestClock().now()) {
            planner.plan([sent], prechecks: planner.precheck([sent]), snapshot: $0)
        }
        let answer = try #require(outcome.plan.results.first)
        #expect(answer.status == .accepted)
        let returned = try #require(answer.record)
        #expect(returned.isErased && returned.fields.isEmpty && returned.erasure == erased.erasure)
        let stored = try #require(try await Self.feed(service.store).first)
        #expect(stored.isErased && stored.fields.isEmpty)
        #expect(stored.version.dominates(offline.version))
    }

    @Test("purge --deleted-before erases deleted records older than the day, only those, once", arguments: StoreKind.all)
    func purgeDeletedBefore(kind: StoreKind) async throws {
        let (service, _) = try await Self.makeService(kind)
        var old = Self.response("alt gelöscht")
        old.delete(by: Self.anna, at: Timestamp(millisecondsSince1970: 1_790_000_000_000))
        var recent = Self.response("neu gelöscht")
        recent.delete(by: Self.anna, at: Timestamp(millisecondsSince1970: 1_795_000_000_000))
        let live = Self.response("lebt")
        try await Self.commit([old, recent, live], to: service.store)
        let day = try #require(CalendarDate(parsing: "01.10.2026")).start(in: TimeZone(identifier: "Europe/Berlin")!)

        let planned = try await service.purgeCandidates(cohort: "kurs", deletedBefore: day)
        #expect(planned.ids == [old.id])
        let counts = try await service.purge(cohort: "kurs", deletedBefore: day)
        #expect(counts == RecordErasure.PurgeCounts(cohort: "kurs", erased: [RecordCollection.responses: 1], alreadyErased: 0))
        let feed = try await Self.feed(service.store)
        #expect(feed.first { $0.id == old.id }?.erasure?.reason == Erasure.retention)
        #expect(feed.filter(\.isErased).map(\.id) == [old.id])
        let again = try await service.purge(cohort: "kurs", deletedBefore: day)
        #expect(again == RecordErasure.PurgeCounts(cohort: "kurs", erased: [:], alreadyErased: 1))
    }

    @Test("purge --all erases every record of the cohort and none of another, once", arguments: StoreKind.all)
    func purgeAll(kind: StoreKind) async throws {
        let (service, _) = try await Self.makeService(kind)
        let door = TestFixtures.household(
            cohort: "kurs", owner: "syncserver", replica: Self.tina, fields: ["street": "Hauptstr.", "outcome": "refused"])
        let responses = [Self.response("eins"), Self.response("zwei")]
        let foreign = Self.response("anderer Kurs", cohort: "other")
        try await Self.commit(responses + [door, foreign], to: service.store)
        let counts = try await service.purge(cohort: "kurs", deletedBefore: nil)
        #expect(counts.erased == [RecordCollection.responses: 2, RecordCollection.households: 1])
        #expect(try await Self.feed(service.store).allSatisfy { $0.isErased && $0.fields.isEmpty })
        #expect(try await Self.feed(service.store, cohort: "other") == [foreign])
        #expect(try await service.purge(cohort: "kurs", deletedBefore: nil).total == 0)
    }

    @Test("the journal re-applies erasures to a restored store, also of records it lacks, idempotently", arguments: StoreKind.all)
    func journalSurvivesARestore(kind: StoreKind) async throws {
        let journal = ErasureJournal(path: FileManager.default.temporaryDirectory.appendingPathComponent("erasures-\(UUID())").path)
        defer { try? FileManager.default.removeItem(atPath: journal.path) }
        let (live, _) = try await Self.makeService(kind, journal: journal)
        let inBackup = Self.response(Self.marker)
        let afterBackup = Self.response("nach der Sicherung")
        try await Self.commit([inBackup, afterBackup], to: live.store)
        _ = try await live.erase(id: inBackup.id, cohort: "kurs", erasedBy: "tina")
        _ = try await live.erase(id: afterBackup.id, cohort: "kurs", erasedBy: "tina")
        let lines = try #require(FileManager.default.contents(atPath: journal.path))
        #expect(!String(decoding: lines, as: UTF8.self).contains("0171"))
        let attributes = try FileManager.default.attributesOfItem(atPath: journal.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        // "The backup": a store that has the first record with content and lacks the second.
        let (restored, _) = try await Self.makeService(kind, journal: journal)
        try await Self.commit([inBackup], to: restored.store)
        #expect(try await restored.reapplyJournal() == 2)
        let feed = try await Self.feed(restored.store)
        #expect(Set(feed.map(\.id)) == [inBackup.id, afterBackup.id])
        #expect(feed.allSatisfy { $0.isErased && $0.fields.isEmpty && $0.erasure?.erasedBy == "tina" })
        #expect(try await restored.reapplyJournal() == 0)
        // Erasing again journals the erasure again (repairing a line lost to a crash), changing nothing else.
        _ = try await live.erase(id: inBackup.id, cohort: "kurs", erasedBy: "tina")
        #expect(try journal.entries().records.filter { $0.id == inBackup.id }.count == 2)
    }

    @Test("an erasure a push accepted unchanged is journaled again, so that a retried push journals it; content never")
    func acceptedErasureIsJournaled() async throws {
        let journal = ErasureJournal(path: FileManager.default.temporaryDirectory.appendingPathComponent("erasures-\(UUID())").path)
        defer { try? FileManager.default.removeItem(atPath: journal.path) }
        let (service, _) = try await Self.makeService(.sqlite, journal: journal)
        var erased = Self.response(Self.marker)
        erased.erase(Erasure(erasedBy: "tina", erasedAt: Timestamp(millisecondsSince1970: 3)), by: Self.tina)
        try await service.recordCommitted([], acceptedErasures: [erased, Self.response(Self.marker)])
        let entries = try journal.entries()
        #expect(entries.records == [erased])
        #expect(entries.skipped == 0)
    }
}
