import Foundation
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("Surveys and the trainer's device endpoints", .postgresPools)
struct SurveysAndDevicesTests {
    @Test("A trainer publishes versions; everyone lists them; versions never change", arguments: StoreKind.all)
    func publishAndList(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding", survey: false)
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let ayse = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let created = try await client.send(.post, "/v1/surveys", token: trainer.token, text: TestFixtures.surveyJSON)
            #expect(created.status == .created)
            #expect(try created.decode(PublishedSurvey.self).definition.id == "nachbarschaft")
            let again = try await client.send(.post, "/v1/surveys", token: trainer.token, text: TestFixtures.surveyJSON)
            #expect(again.status == .conflict)
            #expect(again.error?.code == "conflict")
            #expect(try await client.send(.post, "/v1/surveys", token: trainer.token, text: TestFixtures.surveyV2JSON).status == .created)
            let list = try await client.send(.get, "/v1/surveys", token: ayse.token).decode(SurveyList.self)
            #expect(list.surveys.map(\.definition.version) == [1, 2])
            #expect(list.surveys.allSatisfy { $0.cohort == "wedding" })
        }
    }

    @Test("An unreadable or inconsistent survey answers 400 invalidSurvey", arguments: StoreKind.all, [
        "not: [a survey", #"{"id":"x","version":0,"title":"t","questions":[{"name":"a","type":"text","label":"A"}]}"#,
        #"{"id":"x","version":1,"title":"t","questions":[{"name":"a","type":"teleport","label":"A"}]}"#,
    ])
    func invalidSurvey(kind: StoreKind, text: String) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding", survey: false)
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let response = try await client.send(.post, "/v1/surveys", token: trainer.token, text: text)
            #expect(response.status == .badRequest)
            #expect(response.error?.code == "invalidSurvey")
            #expect(try await harness.store.surveys(cohort: "wedding").isEmpty)
        }
    }

    @Test("A trainer creates participant codes, lists and revokes the cohort's devices", arguments: StoreKind.all)
    func trainerDevices(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let response = try await client.send(
                .post, "/v1/enrollments", token: trainer.token, json: EnrollmentRequest(participant: "Ayşe", cohort: nil))
            #expect(response.status == .created)
            let grant = try response.decode(EnrollmentGrant.self)
            #expect(grant.role == .participant && grant.cohort == "wedding")
            #expect(grant.expiresAt.millisecondsSince1970 == harness.clock.now().millisecondsSince1970 + 7 * 24 * 3600 * 1000)
            let enrolled = try await client.send(
                .post, "/v1/enroll", json: EnrollRequest(code: grant.code, deviceName: "L", replicaId: ReplicaID(high: 8, low: 8)))
            let ayse = try enrolled.decode(EnrollResponse.self)
            let list = try await client.send(.get, "/v1/devices", token: trainer.token).decode(DeviceList.self)
            #expect(Set(list.devices.map(\.participant)) == ["Weber", "Ayşe"])
            #expect(!list.devices.contains { $0.isRevoked })
            #expect(!(try await client.send(.get, "/v1/devices", token: trainer.token).text.contains("token")))
            #expect(try await client.send(.delete, "/v1/devices/\(ayse.deviceId.uppercased())", token: trainer.token).status == .noContent)
            #expect(try await client.send(.get, "/v1/surveys", token: ayse.token).status == .unauthorized)
            let after = try await client.send(.get, "/v1/devices", token: trainer.token).decode(DeviceList.self)
            #expect(after.devices.first { $0.id == ayse.deviceId }?.isRevoked == true)
        }
    }

    @Test("Revoking answers 400 for a non-UUID and 404 for an unknown device", arguments: StoreKind.all, [
        ("not-a-uuid", 400), ("6f2d1e70-3c1b-4e0a-9e2a-1b2c3d4e5f60", 404),
    ])
    func revokeErrors(kind: StoreKind, request: (id: String, status: Int)) async throws {
        let (id, status) = request
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let response = try await client.send(.delete, "/v1/devices/\(id)", token: trainer.token)
            #expect(Int(response.status.code) == status)
            #expect(response.error != nil)
        }
    }

    @Test("An enrollment request with a bad participant name answers 400", arguments: StoreKind.all, ["", "   ", String(repeating: "x", count: 101)])
    func badParticipant(kind: StoreKind, name: String) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let response = try await client.send(
                .post, "/v1/enrollments", token: trainer.token, json: EnrollmentRequest(participant: name, cohort: nil))
            #expect(response.status == .badRequest)
            #expect(response.error?.code == "invalidParameter")
        }
    }
}
