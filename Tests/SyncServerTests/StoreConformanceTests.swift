import Foundation
import SyncModel
import Testing

@testable import SyncServer

/// The conformance cases of the storage boundary: rules that once drifted between the backends,
/// run on every `StoreKind`.
@Suite("Store conformance")
struct StoreConformanceTests {
    /// A new store of `kind` with the cohort "wedding".
    static func makeStore(_ kind: StoreKind) async throws -> any RecordStore & StoreColumnInspection {
        let store = try await kind.makeStore(random: SeededRandomSource(seed: 11))
        _ = try await store.createCohort(named: "wedding", at: Timestamp(millisecondsSince1970: 1))
        return try #require(store as? any RecordStore & StoreColumnInspection)
    }

    /// Stores `records` as one batch, without a push.
    static func commit(_ records: [SyncModel.Record], to store: any RecordStore) async throws {
        _ = try await store.commitBatch(ids: records.map(\.id), requestEpoch: nil, at: Timestamp(millisecondsSince1970: 2)) {
            _ in BatchPlan(results: [], writes: records, relays: [])
        }
    }

    @Test("A database whose schema is newer than this build is refused", arguments: StoreKind.all)
    func newerSchemaIsRefused(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        try await store.recordFutureMigration()
        let error = await #expect(throws: StoreError.self) { try await store.migrateAgain() }
        guard case .unavailable(let message) = error else {
            Issue.record("expected StoreError.unavailable, got \(String(describing: error))")
            return
        }
        #expect(message.contains("has schema version \(StoreSchema.newestVersion + 1), newer than this syncserver knows"))
        #expect(message.hasSuffix("Run the newer syncserver."))
    }

    /// Survey ids and versions a record can name.
    static let surveyCases: [(String?, Int?)] = [("nachbarschaft", 2), ("nachbarschaft", nil), (nil, nil)]

    @Test(
        "survey and survey_version are NULL exactly when the record has none, each on its own",
        arguments: StoreKind.all, surveyCases)
    func surveyColumnsFollowTheRecord(kind: StoreKind, survey: (String?, Int?)) async throws {
        let store = try await Self.makeStore(kind)
        let record = Record(
            id: UUID(), collection: RecordCollection.responses, cohort: "wedding", survey: survey.0,
            surveyVersion: survey.1, owner: "Ayşe")
        try await Self.commit([record], to: store)
        let columns = try await store.surveyColumns(of: record.id)
        #expect(columns.survey == survey.0)
        #expect(columns.version == survey.1.map(Int64.init))
    }

    @Test("Every operation on a missing cohort fails with the same message", arguments: StoreKind.all)
    func missingCohortIsOneMessage(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        let time = Timestamp(millisecondsSince1970: 5)
        let expected = StoreError.notFound("Cohort 'nowhere' does not exist.")
        await #expect(throws: expected) {
            try await store.addEnrollmentCode(
                NewEnrollmentCode(
                    codeHash: Data([1]), cohort: "nowhere", participant: "Ayşe", role: .participant, createdAt: time,
                    expiresAt: time, createdBy: "admin"))
        }
        await #expect(throws: expected) {
            try await store.addDashboardLink(
                NewDashboardLink(
                    linkHash: Data([2]), cohort: "nowhere", trainer: "Weber", createdAt: time, expiresAt: time,
                    createdBy: "admin"))
        }
        await #expect(throws: expected) {
            try await store.publishSurvey(
                PublishedSurvey(cohort: "nowhere", publishedAt: time, definition: try JSONDecoder().decode(SurveyDefinition.self, from: Data(TestFixtures.surveyJSON.utf8))))
        }
    }

    @Test("A device's own write is passed by the cursor but left out of its page; others see it", arguments: StoreKind.all)
    func originRule(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        let mine = Record(id: UUID(), collection: RecordCollection.households, cohort: "wedding", owner: "Ayşe")
        let other = Record(id: UUID(), collection: RecordCollection.households, cohort: "wedding", owner: "Ayşe")
        _ = try await store.commitBatch(ids: [mine.id, other.id], requestEpoch: nil, at: Timestamp(millisecondsSince1970: 2)) {
            _ in BatchPlan(results: [], writes: [mine, other], relays: [], origins: [mine.id: "device-a"])
        }
        let own = try await store.changes(in: .cohort("wedding"), after: 0, limit: 10, reader: "device-a")
        #expect(try own.records() == [other])
        #expect(own.cursor == 2 && !own.hasMore)
        let others = try await store.changes(in: .cohort("wedding"), after: 0, limit: 1, reader: "device-b")
        #expect(try others.records() == [mine])
        #expect(others.cursor == 1 && others.hasMore)
    }

    @Test("A push under a retired epoch counts as a relay, under the current or an unknown one not", arguments: StoreKind.all)
    func epochRule(kind: StoreKind) async throws {
        let store = try await Self.makeStore(kind)
        let retired = try await store.rotateEpoch(to: "epoch-2", at: Timestamp(millisecondsSince1970: 3))
        for (requestEpoch, expected) in [(retired.epoch, true), ("epoch-2", false), ("never-seen", false), (nil, false)] {
            let outcome = try await store.commitBatch(ids: [], requestEpoch: requestEpoch, at: Timestamp(millisecondsSince1970: 4)) {
                snapshot in
                #expect(snapshot.requestEpochIsRetired == expected, "request epoch \(String(describing: requestEpoch))")
                #expect(snapshot.epoch == "epoch-2")
                return BatchPlan(results: [], writes: [], relays: [])
            }
            #expect(outcome.lastSequence == nil)
        }
    }
}
