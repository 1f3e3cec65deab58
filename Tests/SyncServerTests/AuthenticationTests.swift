import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("Authentication of device tokens", .postgresPools)
struct AuthenticationTests {
    @Test("Missing, malformed, wrong and foreign-scheme tokens answer 401", arguments: StoreKind.all, [
        nil, "Bearer", "Bearer nonsense", "Basic dXNlcjpwYXNz",
        "Bearer qs_00000000-0000-4000-8000-000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ])
    func rejected(kind: StoreKind, header: String?) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            var headers: HTTPFields = [HTTPField.Name("QuartierSync-Protocol")!: "1"]
            if let header { headers[.authorization] = header }
            let response = try await client.executeRequest(uri: "/v1/sync/changes", method: .get, headers: headers, body: nil)
            #expect(response.status == .unauthorized)
            #expect(response.error?.code == "unauthorized")
            #expect(response.headers[.wwwAuthenticate] == "Bearer")
        }
    }

    @Test("A token with the right device id but a wrong secret answers 401", arguments: StoreKind.all)
    func wrongSecret(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "A")
            var forged = device.token
            forged.removeLast()
            forged.append(device.token.last == "A" ? "B" : "A")
            let response = try await client.send(.get, "/v1/sync/changes", token: forged)
            #expect(response.status == .unauthorized)
            let genuine = try await client.send(.get, "/v1/sync/changes", token: device.token)
            #expect(genuine.status == .ok)
        }
    }

    @Test("A revoked device answers 401 at once", arguments: StoreKind.all)
    func revoked(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "A")
            #expect(try await client.send(.get, "/v1/surveys", token: device.token).status == .ok)
            _ = try await harness.store.revokeDevice(id: device.id, at: harness.clock.now())
            let response = try await client.send(.get, "/v1/surveys", token: device.token)
            #expect(response.status == .unauthorized)
            #expect(response.error?.message.contains("revoked") == true)
        }
    }

    @Test("A missing or unknown protocol version answers 400 unsupportedProtocol before anything else",
        arguments: StoreKind.all, [nil, "2", "0", "one"])
    func protocolVersion(kind: StoreKind, value: String?) async throws {
        let harness = try await TestHarness(kind)
        try await harness.run { client in
            for (method, path) in [("GET", "/v1/sync/changes"), ("POST", "/v1/enroll"), ("GET", "/v1/devices")] {
                let response = try await client.send(
                    method == "GET" ? .get : .post, path, body: ByteBuffer(string: "{}"), protocolHeader: value)
                #expect(response.status == .badRequest)
                #expect(response.error?.code == "unsupportedProtocol")
            }
        }
    }

    @Test("Tokens have 256 random bits and parse back to their device")
    func tokenShape() {
        let random = SeededRandomSource(seed: 42)
        let id = random.makeDeviceID()
        let token = DeviceToken.make(deviceID: id, random: random)
        #expect(token.text.count == 3 + 36 + 1 + 43)
        #expect(DeviceToken(parsing: token.text)?.deviceID == id)
        #expect(DeviceToken(parsing: "qs_\(id.uppercased())_" + String(repeating: "A", count: 43)) == nil)
        #expect(DeviceToken(parsing: "qs_\(id)_short") == nil)
    }

    @Test("Codes use an unambiguous alphabet, group in fours and normalize typing")
    func codeShape() {
        let random = SeededRandomSource(seed: 7)
        let codes = (0..<200).map { _ in EnrollmentCode.make(random: random) }
        for code in codes {
            #expect(code.normalized.count == 10)
            #expect(code.normalized.allSatisfy { EnrollmentCode.alphabet.contains($0) })
            #expect(EnrollmentCode(typed: code.display.lowercased()).hash == code.hash)
            #expect(EnrollmentCode(typed: " " + code.normalized.prefix(5) + " " + code.normalized.dropFirst(5)) == code)
        }
        #expect(Set(codes).count == codes.count)
        #expect(!EnrollmentCode.alphabet.contains("O") && !EnrollmentCode.alphabet.contains("0"))
        #expect(!EnrollmentCode.alphabet.contains("I") && !EnrollmentCode.alphabet.contains("1"))
    }

    @Test("Hashes compare equal only when every byte is equal")
    func constantTimeCompare() {
        let a = SecretHasher.hash("a")
        var b = a
        b[31] ^= 1
        #expect(SecretHasher.constantTimeEquals(a, a))
        #expect(!SecretHasher.constantTimeEquals(a, b))
        #expect(!SecretHasher.constantTimeEquals(a, a.prefix(31)))
    }
}
