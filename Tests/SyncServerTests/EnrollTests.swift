import Foundation
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("Enrollment with one-time codes", .postgresPools)
struct EnrollTests {
    @Test("A code enrolls a device once, and the token works", arguments: StoreKind.all)
    func enrollOnce(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let grant = try await harness.administration.issueCode(
                cohort: "wedding", participant: "Ayşe", role: .participant, createdBy: "test")
            #expect(grant.code.count == 12 && grant.code.filter { $0 == "-" }.count == 2)
            let request = EnrollRequest(code: grant.code.lowercased(), deviceName: "Laptop", replicaId: ReplicaID(high: 1, low: 2))
            let first = try await client.send(.post, "/v1/enroll", json: request)
            #expect(first.status == .created)
            let body = try first.decode(EnrollResponse.self)
            #expect(body.cohort == "wedding" && body.participant == "Ayşe" && body.role == .participant)
            #expect(body.token.hasPrefix("qs_\(body.deviceId)_"))
            #expect(body.epoch == (try await harness.store.epoch()))
            let again = EnrollRequest(code: grant.code, deviceName: "Laptop 2", replicaId: ReplicaID(high: 3, low: 4))
            let second = try await client.send(.post, "/v1/enroll", json: again)
            #expect(second.status == .unauthorized)
            #expect(second.error?.code == "invalidCode")
            let surveys = try await client.send(.get, "/v1/surveys", token: body.token)
            #expect(surveys.status == .ok)
        }
    }

    @Test("Only the token's hash is stored", arguments: StoreKind.all)
    func tokenStoredHashed(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Jonas")
            let credential = try #require(try await harness.store.credential(deviceID: device.id))
            #expect(credential.tokenHash == SecretHasher.hash(device.token))
            #expect(credential.tokenHash.count == 32)
        }
    }

    @Test("A participant code expires after 7 days, a trainer code after 48 hours", arguments: StoreKind.all, [
        (Role.participant, Int64(7 * 24 * 3600 * 1000)), (Role.trainer, Int64(2 * 24 * 3600 * 1000)),
    ])
    func expiry(kind: StoreKind, code: (role: Role, lifetime: Int64)) async throws {
        let (role, lifetime) = code
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let early = try await harness.administration.issueCode(
                cohort: "wedding", participant: "A", role: role, createdBy: "test")
            let late = try await harness.administration.issueCode(
                cohort: "wedding", participant: "B", role: role, createdBy: "test")
            harness.clock.advance(milliseconds: lifetime - 1)
            let ok = try await client.send(
                .post, "/v1/enroll", json: EnrollRequest(code: early.code, deviceName: "x", replicaId: ReplicaID(high: 9, low: 1)))
            #expect(ok.status == .created)
            harness.clock.advance(milliseconds: 1)
            let expired = try await client.send(
                .post, "/v1/enroll", json: EnrollRequest(code: late.code, deviceName: "y", replicaId: ReplicaID(high: 9, low: 2)))
            #expect(expired.status == .unauthorized)
            #expect(expired.error?.code == "invalidCode")
        }
    }

    @Test("A replica id in use answers 409 and leaves the code unused", arguments: StoreKind.all)
    func replicaInUse(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "A")
            let grant = try await harness.administration.issueCode(
                cohort: "wedding", participant: "B", role: .participant, createdBy: "test")
            let clash = try await client.send(
                .post, "/v1/enroll", json: EnrollRequest(code: grant.code, deviceName: "x", replicaId: device.replica))
            #expect(clash.status == .conflict)
            let retry = try await client.send(
                .post, "/v1/enroll", json: EnrollRequest(code: grant.code, deviceName: "x", replicaId: ReplicaID(high: 7, low: 7)))
            #expect(retry.status == .created)
        }
    }

    @Test("Malformed enrollments answer 400 naming the problem", arguments: StoreKind.all, [
        (#"{"code": "ABCD-EFGH-JK", "deviceName": "x"}"#, "replicaId"),
        (#"{"code": 12, "deviceName": "x", "replicaId": "00000000000000000000000000000001"}"#, "code"),
        (#"{"code": "ABCD-EFGH-JK", "deviceName": "x", "replicaId": "xyz"}"#, "replicaId"),
        (#"{"code": "ABCD-EFGH-JK", "deviceName": "  ", "replicaId": "00000000000000000000000000000001"}"#, "device name"),
        (#"not json"#, "not valid JSON"),
    ])
    func malformed(kind: StoreKind, input: (body: String, mentions: String)) async throws {
        let (body, mentions) = input
        let harness = try await TestHarness(kind)
        try await harness.run { client in
            let response = try await client.send(.post, "/v1/enroll", text: body)
            #expect(response.status == .badRequest)
            let error = try #require(response.error)
            #expect(["invalidJSON", "invalidParameter"].contains(error.code))
            #expect(error.message.contains(mentions), "\(error.message)")
        }
    }
}
