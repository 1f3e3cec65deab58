import Foundation
import Hummingbird
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("Bad input: 4xx with ErrorBody, and nothing changes", .postgresPools)
struct BadInputTests {
    /// Enrolls one participant of cohort `wedding` and runs `body`.
    func withDevice(
        _ body: @escaping @Sendable (TestHarness, any TestClientProtocol, EnrolledDevice) async throws -> Void
    ) async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            try await body(harness, client, device)
            #expect(try await harness.maxSequence() == 0, "bad input must not change the feed")
        }
    }

    @Test("Malformed push bodies answer 400 invalidJSON naming the field", arguments: [
        ("{", "not valid JSON"),
        ("", "empty"),
        ("[]", "the body"),
        (#"{"records": 5}"#, "'records'"),
        (#"{"records": [{"id": "not-a-uuid", "collection": "responses", "cohort": "wedding", "owner": "A", "version": {}}]}"#, "'records[0].id'"),
        (#"{"records": [{"id": "6F2D1E70-3C1B-4E0A-9E2A-1B2C3D4E5F60", "cohort": "wedding", "owner": "A", "version": {}}]}"#, "'records[0].collection'"),
        (#"{"records": [{"id": "6F2D1E70-3C1B-4E0A-9E2A-1B2C3D4E5F60", "collection": "responses", "cohort": "wedding", "owner": "A", "version": {"xyz": 1}}]}"#, "'records[0].version"),
        (#"{"records": [{"id": "6F2D1E70-3C1B-4E0A-9E2A-1B2C3D4E5F60", "collection": "responses", "cohort": "wedding", "owner": "A", "version": {"00000000000000000000000000000001": -1}}]}"#, "number"),
        (#"{"records": [{"id": "6F2D1E70-3C1B-4E0A-9E2A-1B2C3D4E5F60", "collection": "responses", "cohort": "wedding", "owner": "A", "version": {}, "fields": {"a": [{"dot": "bad", "value": 1, "at": 0}]}}]}"#, "'records[0].fields.a[0].dot'"),
        (#"{"records": [{"id": "6F2D1E70-3C1B-4E0A-9E2A-1B2C3D4E5F60", "collection": "responses", "cohort": "wedding", "owner": "A", "version": {"00000000000000000000000000000001": 99999999999999999999}}]}"#, "number"),
    ])
    func malformedPush(body: String, mentions: String) async throws {
        try await withDevice { _, client, device in
            let response = try await client.send(.post, "/v1/sync/push", token: device.token, text: body)
            #expect(response.status == .badRequest)
            #expect(response.error?.code == "invalidJSON")
            #expect(response.error?.message.contains(mentions) == true, "\(response.error?.message ?? response.text)")
        }
    }

    @Test("A body over 8 MiB answers 413 payloadTooLarge")
    func bodyTooLarge() async throws {
        try await withDevice { _, client, device in
            let big = ByteBuffer(repeating: UInt8(ascii: " "), count: SyncProtocol.maximumBodyBytes + 1)
            let response = try await client.send(.post, "/v1/sync/push", token: device.token, body: big)
            #expect(response.status == .contentTooLarge)
            #expect(response.error?.code == "payloadTooLarge")
        }
    }

    @Test("More than 1000 records answer 413 tooManyRecords")
    func tooManyRecords() async throws {
        try await withDevice { _, client, device in
            let records = (0...SyncProtocol.maximumPushRecords).map { _ in
                TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: device.replica, fields: ["street": "A"])
            }
            let response = try await client.send(
                .post, "/v1/sync/push", token: device.token, json: PushRequest(epoch: nil, records: records))
            #expect(response.status == .contentTooLarge)
            #expect(response.error?.code == "tooManyRecords")
        }
    }

    /// A record with raw parts, for hostile states that the model's writers never make.
    static func rawRecord(
        cohort: String = "wedding", collection: String = RecordCollection.households, owner: String = "Ayşe",
        version: VersionVector, fields: [String: Register<FieldValue>] = [:], survey: String? = nil, surveyVersion: Int? = nil
    ) -> Record {
        Record(
            id: UUID(), collection: collection, cohort: cohort, survey: survey, surveyVersion: surveyVersion, owner: owner,
            version: version, fields: fields, deletion: Register())
    }

    @Test("Hostile or invalid records are rejected with the right code", arguments: [
        "counterAbove2^53", "counterJump", "dotNotCovered", "unknownCollection", "unknownSurvey", "unknownSurveyVersion",
        "responseWithoutSurvey", "householdWithSurvey", "foreignReplica", "validation",
    ])
    func rejectedRecords(kind: String) async throws {
        try await withDevice { _, client, device in
            let me = device.replica
            let other = ReplicaID(high: 0xdead, low: 0xbeef)
            let record: Record
            let expected: String
            switch kind {
            case "counterAbove2^53":
                record = Self.rawRecord(version: [me: (1 << 53) + 1])
                expected = "invalidRecord"
            case "counterJump":
                record = Self.rawRecord(version: [me: 1_000_001])
                expected = "invalidRecord"
            case "dotNotCovered":
                let sibling = Sibling<FieldValue>(dot: Dot(replica: me, counter: 5), value: "x", timestamp: Timestamp(millisecondsSince1970: 0))
                record = Self.rawRecord(version: [me: 1], fields: ["street": Register(siblings: [sibling])])
                expected = "invalidRecord"
            case "unknownCollection":
                record = Self.rawRecord(collection: "gossip", version: [me: 1])
                expected = "unknownCollection"
            case "unknownSurvey":
                record = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: me, answers: ["a": 1], survey: "nope")
                expected = "unknownSurvey"
            case "unknownSurveyVersion":
                record = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: me, answers: ["wohndauer": 1], version: 9)
                expected = "unknownSurvey"
            case "responseWithoutSurvey":
                record = Self.rawRecord(collection: RecordCollection.responses, version: [me: 1])
                expected = "unknownSurvey"
            case "householdWithSurvey":
                record = Self.rawRecord(version: [me: 1], survey: "nachbarschaft", surveyVersion: 1)
                expected = "invalidRecord"
            case "foreignReplica":
                record = TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: other, fields: ["street": "A"])
                expected = "foreignReplica"
            default:
                record = TestFixtures.response(
                    cohort: "wedding", owner: "Ayşe", replica: me, answers: ["zufrieden": "vielleicht", "_status": "final"])
                expected = "validationFailed"
            }
            let answer = try await client.send(
                .post, "/v1/sync/push", token: device.token, json: PushRequest(epoch: nil, records: [record]))
            #expect(answer.status == .ok)
            let result = try #require(try answer.decode(PushResponse.self).results.first)
            #expect(result.status == .rejected)
            #expect(result.error?.code == expected, "\(result.error?.message ?? "")")
            #expect(result.error?.message.isEmpty == false)
        }
    }

    @Test("Validation issues are listed per question")
    func validationIssues() async throws {
        try await withDevice { _, client, device in
            let record = TestFixtures.response(
                cohort: "wedding", owner: "Ayşe", replica: device.replica,
                answers: ["zufrieden": "vielleicht", "_status": "final", "_note": "egal"])
            let answer = try await harness(client, device, record)
            let issues = try #require(answer.error?.issues)
            #expect(Set(issues.map(\.question)) == ["wohndauer", "zufrieden"])
            #expect(Set(issues.map(\.code)) == [.missingRequired, .unknownChoice])
        }
    }

    @Test("A draft may leave required questions open", arguments: StoreKind.all)
    func draftMayBeIncomplete(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let record = TestFixtures.response(
                cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["zufrieden": "ja", "_status": "draft"])
            #expect(try await harness.push(client, device, [record]).results.first?.status == .accepted)
        }
    }

    private func harness(_ client: any TestClientProtocol, _ device: EnrolledDevice, _ record: Record) async throws -> PushResult {
        let response = try await client.send(
            .post, "/v1/sync/push", token: device.token, json: PushRequest(epoch: nil, records: [record]))
        return try #require(try response.decode(PushResponse.self).results.first)
    }

    @Test("A record moved to another cohort, collection or owner is rejected as identityChanged",
        arguments: StoreKind.all, ["collection", "owner", "survey version"])
    func identityChange(kind: StoreKind, part: String) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        _ = try await harness.administration.publishSurvey(Data(TestFixtures.surveyV2JSON.utf8), cohort: "wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe", role: .trainer)
            let original = TestFixtures.response(
                cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": 3])
            _ = try await harness.push(client, device, [original])
            var moved: Record
            switch part {
            case "collection":
                moved = Record(id: original.id, collection: RecordCollection.households, cohort: "wedding", owner: "Ayşe")
            case "owner":
                moved = Record(
                    id: original.id, collection: RecordCollection.responses, cohort: "wedding", survey: "nachbarschaft",
                    surveyVersion: 1, owner: "Jonas")
            default:
                moved = Record(
                    id: original.id, collection: RecordCollection.responses, cohort: "wedding", survey: "nachbarschaft",
                    surveyVersion: 2, owner: "Ayşe")
            }
            moved.write("wohndauer", 5, by: device.replica, at: harness.clock.now())
            let sequence = try await harness.maxSequence()
            let result = try #require(try await harness.push(client, device, [moved]).results.first)
            #expect(result.error?.code == "identityChanged")
            #expect(try await harness.maxSequence() == sequence)
        }
    }

    @Test("A record of another cohort with a known id is forbidden without revealing it", arguments: StoreKind.all)
    func crossCohortId(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.makeCohort("moabit")
        try await harness.run { client in
            let owner = try await harness.enroll(client, cohort: "moabit", name: "Mo")
            let intruder = try await harness.enroll(client, cohort: "wedding", name: "In", role: .trainer)
            let record = TestFixtures.response(cohort: "moabit", owner: "Mo", replica: owner.replica, answers: ["wohndauer": 1])
            _ = try await harness.push(client, owner, [record])
            var moved = Record(
                id: record.id, collection: RecordCollection.responses, cohort: "wedding", survey: "nachbarschaft",
                surveyVersion: 1, owner: "In")
            moved.write("wohndauer", 2, by: intruder.replica, at: harness.clock.now())
            let result = try #require(try await harness.push(client, intruder, [moved]).results.first)
            #expect(result.error?.code == "forbidden")
            #expect(result.error?.message.contains("moabit") == false)
        }
    }

    @Test("Bad cursors and limits answer 400 invalidParameter", arguments: [
        "since=abc", "since=-1", "limit=0", "limit=2001", "limit=x", "since=1e3",
    ])
    func badQuery(query: String) async throws {
        try await withDevice { _, client, device in
            let response = try await client.send(.get, "/v1/sync/changes?\(query)", token: device.token)
            #expect(response.status == .badRequest)
            #expect(response.error?.code == "invalidParameter")
        }
    }
}
