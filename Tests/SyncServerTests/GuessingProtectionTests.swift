import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

/// Online guessing of enrollment codes and dashboard login links stops after 10 failures per
/// client address in 10 minutes; a live server, so that the connection has a real peer address.
@Suite("Guessing protection")
struct GuessingProtectionTests {
    private static let proxy: Set<String> = ["127.0.0.1", "::1"]

    private func enroll(
        _ client: any TestClientProtocol, code: String, from address: String?
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json", HTTPField.Name("QuartierSync-Protocol")!: "1"]
        if let address { headers[HTTPField.Name("X-Forwarded-For")!] = "198.18.0.1, \(address)" }
        let body = try JSONEncoder().encode(EnrollRequest(code: code, deviceName: "Laptop", replicaId: ReplicaID(high: 1, low: 2)))
        return try await client.execute(uri: "/v1/enroll", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    @Test("11 wrong enrollment codes from one address get 429 at the 11th; a right code from another address works")
    func enrollmentGuessing() async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        let router = buildRouter(
            store: harness.store, environment: harness.environment, guessing: GuessingProtection(trustedProxies: Self.proxy))
        let grant = try await harness.administration.issueCode(
            cohort: "wedding", participant: "Ayşe", role: .participant, createdBy: "test")
        let logged = RecordingLogHandler.Lines()
        try await Application(router: router, logger: RecordingLogHandler.logger(into: logged)).test(.live) { client in
            for attempt in 1...10 {
                let wrong = try await enroll(client, code: "AAAA-BBBB-C\(attempt % 10)", from: "203.0.113.5")
                #expect(wrong.status == .unauthorized, "attempt \(attempt)")
            }
            let eleventh = try await enroll(client, code: "AAAA-BBBB-CCCC", from: "203.0.113.5")
            #expect(eleventh.status == .tooManyRequests)
            #expect(Int(eleventh.headers[.retryAfter] ?? "") == 600)
            #expect(eleventh.headers[.contentType]?.hasPrefix("application/json") == true)
            let error = try JSONDecoder().decode(ErrorBody.self, from: Data(buffer: eleventh.body)).error
            #expect(error.code == ErrorCode.rateLimited.rawValue)
            // Even the right code is refused from the blocked address, and accepted from another.
            #expect(try await enroll(client, code: grant.code, from: "203.0.113.5").status == .tooManyRequests)
            #expect(try await enroll(client, code: grant.code, from: "198.51.100.7").status == .created)
            // Once the window has passed, the address may try again.
            harness.clock.advance(milliseconds: 600_000)
            #expect(try await enroll(client, code: "AAAA-BBBB-CCCC", from: "203.0.113.5").status == .unauthorized)
        }
        // Failures are logged with the address, never with the code.
        let failures = logged.all.filter { $0.contains("Failed enrollment attempt") }
        #expect(failures.count == 11)
        #expect(failures.allSatisfy { $0.contains("client.address=203.0.113.5") })
        #expect(!logged.all.contains { $0.contains("AAAA") || $0.contains("BBBB") || $0.contains(grant.code) })
    }

    @Test("without --trusted-proxy, X-Forwarded-For is ignored: the connection's address is counted")
    func untrustedForwardedFor() async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        let router = buildRouter(store: harness.store, environment: harness.environment)
        try await Application(router: router, logger: .quiet).test(.live) { client in
            for attempt in 1...10 {
                let wrong = try await enroll(client, code: "AAAA-BBBB-CCCC", from: "203.0.113.\(attempt)")
                #expect(wrong.status == .unauthorized)
            }
            #expect(try await enroll(client, code: "AAAA-BBBB-CCCC", from: "198.51.100.7").status == .tooManyRequests)
        }
    }

    @Test("10 wrong dashboard login links get an HTML 429 page at the 11th")
    func loginGuessing() async throws {
        let harness = try await TestHarness()
        let router = buildRouter(
            store: harness.store, environment: harness.environment, guessing: GuessingProtection(trustedProxies: Self.proxy))
        try await Application(router: router, logger: .quiet).test(.live) { client in
            let headers: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.9"]
            for _ in 1...10 {
                let wrong = try await client.execute(uri: "/dashboard/login?link=wrong", method: .get, headers: headers)
                #expect(wrong.status == .gone)
            }
            let eleventh = try await client.execute(uri: "/dashboard/login?link=wrong", method: .get, headers: headers)
            #expect(eleventh.status == .tooManyRequests)
            #expect(eleventh.headers[.retryAfter] != nil)
            #expect(eleventh.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: eleventh.body).contains("Too many attempts"))
        }
    }

    @Test("the limiter counts per address within the window", arguments: [(9, false), (10, true), (11, true)])
    func limiterThreshold(failures: Int, blocked: Bool) {
        let limiter = AttemptLimiter()
        let start = Timestamp(millisecondsSince1970: 1_000_000)
        for index in 0..<failures {
            limiter.recordFailure(of: "a", at: Timestamp(millisecondsSince1970: start.millisecondsSince1970 + Int64(index) * 1000))
        }
        let now = Timestamp(millisecondsSince1970: start.millisecondsSince1970 + 60_000)
        #expect((limiter.retryAfter(for: "a", at: now) != nil) == blocked)
        #expect(limiter.retryAfter(for: "b", at: now) == nil)
        // The oldest failure leaves the window 10 minutes after it happened.
        let later = Timestamp(millisecondsSince1970: start.millisecondsSince1970 + 600_001 + Int64(max(0, failures - 10)) * 1000)
        #expect(limiter.retryAfter(for: "a", at: later) == nil)
    }
}
