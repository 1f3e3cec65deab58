import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("gzip on the wire: compressed pushes and pages, plain ones still work")
struct ContentEncodingTests {
    /// Sends a push whose body is `body` with the given headers.
    static func push(
        _ client: any TestClientProtocol, _ device: EnrolledDevice, body: ByteBuffer, encoding: String?
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(device.token)"]
        headers[HTTPField.Name("QuartierSync-Protocol")!] = "1"
        if let encoding { headers[.contentEncoding] = encoding }
        return try await client.executeRequest(uri: "/v1/sync/push", method: .post, headers: headers, body: body)
    }

    /// gzip of `bytes`.
    static func gzip(_ bytes: some Sequence<UInt8>) throws -> ByteBuffer {
        var buffer = ByteBuffer(bytes: Array(bytes))
        return try buffer.compress(with: .gzip())
    }

    /// gzip of `buffer`.
    static func gzip(_ buffer: ByteBuffer) throws -> ByteBuffer {
        var buffer = buffer
        return try buffer.compress(with: .gzip())
    }

    /// Ten responses of `device`, enough for a page above the compression threshold.
    static func responses(_ device: EnrolledDevice) -> [SyncModel.Record] {
        (0..<10).map { index in
            TestFixtures.response(
                cohort: "wedding", owner: device.participant, replica: device.replica,
                answers: ["wohndauer": .integer(Int64(index)), "zufrieden": "ja", "_status": "final"])
        }
    }

    @Test("A push is accepted plain and gzip-compressed, and both store the same records", arguments: [false, true])
    func pushAccepted(compressed: Bool) async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let records = Self.responses(device)
            let json = try JSONEncoder().encode(PushRequest(epoch: nil, records: records))
            let body = compressed ? try Self.gzip(json) : ByteBuffer(bytes: json)
            #expect(compressed == (body.readableBytes < json.count))
            let response = try await Self.push(client, device, body: body, encoding: compressed ? "gzip" : nil)
            #expect(response.status == .ok, "\(response.text)")
            let answer = try response.decode(PushResponse.self)
            #expect(answer.results.map(\.status) == Array(repeating: .accepted, count: records.count))
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let pulled = try await harness.pullAll(client, trainer)
            #expect(Set(pulled.records) == Set(records))
        }
    }

    @Test(
        "A page is gzip-compressed only when the client accepts gzip",
        arguments: [
            (nil, false), ("gzip", true), ("deflate, gzip;q=0.5", true), ("gzip;q=0", false), ("*", true),
            ("br", false), ("identity", false),
        ] as [(String?, Bool)])
    func pageCompressedWhenAccepted(acceptEncoding: String?, compressed: Bool) async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            _ = try await harness.push(client, device, Self.responses(device))
            // The trainer reads: the pusher's own feed leaves its pushes out.
            let reader = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let plain = try await client.send(.get, "/v1/sync/changes?limit=100", token: reader.token)
            #expect(plain.headers[.contentEncoding] == nil)
            let expected = try plain.decode(ChangesPage.self)
            #expect(expected.records.count == 10)

            var headers: HTTPFields = [.authorization: "Bearer \(reader.token)"]
            headers[HTTPField.Name("QuartierSync-Protocol")!] = "1"
            if let acceptEncoding { headers[.acceptEncoding] = acceptEncoding }
            let response = try await client.executeRequest(
                uri: "/v1/sync/changes?limit=100", method: .get, headers: headers, body: nil)
            #expect(response.status == .ok)
            #expect(response.headers[.contentEncoding] == (compressed ? "gzip" : nil))
            var body = response.body
            if compressed {
                #expect(body.readableBytes < plain.body.readableBytes)
                body = try body.decompress(with: .gzip())
            }
            #expect(try JSONDecoder().decode(ChangesPage.self, from: Data(body.readableBytesView)) == expected)
        }
    }

    @Test(
        "A body that is not valid gzip answers 400 invalidEncoding and stores nothing",
        arguments: ["not gzip at all", "truncated"])
    func badGzip(kind: String) async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let json = try JSONEncoder().encode(PushRequest(epoch: nil, records: Self.responses(device)))
            var body: ByteBuffer
            if kind == "truncated" {
                let whole = try Self.gzip(json)
                body = whole.getSlice(at: whole.readerIndex, length: whole.readableBytes / 2)!
            } else {
                body = ByteBuffer(bytes: json)
            }
            let response = try await Self.push(client, device, body: body, encoding: "gzip")
            #expect(response.status == .badRequest)
            #expect(response.error?.code == "invalidEncoding")
            #expect(response.error?.message.contains("gzip") == true, "\(response.text)")
            #expect(try await harness.maxSequence() == 0)
        }
    }

    @Test("A gzip body that inflates past 8 MiB answers 413 payloadTooLarge and stores nothing")
    func gzipBomb() async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            // 64 MiB of zero bytes shrink to about 64 KiB: small on the wire, far past the limit inflated.
            // (Data(count:) allocates zeroed memory at once; a byte loop would take minutes in a debug build.)
            let bomb = try Self.gzip(ByteBuffer(bytes: Data(count: 64 * 1024 * 1024)))
            #expect(bomb.readableBytes < SyncProtocol.maximumBodyBytes / 100)
            let response = try await Self.push(client, device, body: bomb, encoding: "gzip")
            #expect(response.status == .contentTooLarge)
            #expect(response.error?.code == "payloadTooLarge")
            #expect(response.error?.message.contains("inflates") == true, "\(response.text)")
            #expect(try await harness.maxSequence() == 0)
        }
    }

    @Test("An unknown Content-Encoding answers 415 invalidEncoding")
    func unknownEncoding() async throws {
        let harness = try await TestHarness()
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let json = try JSONEncoder().encode(PushRequest(epoch: nil, records: Self.responses(device)))
            let response = try await Self.push(client, device, body: ByteBuffer(bytes: json), encoding: "br")
            #expect(response.status == .unsupportedMediaType)
            #expect(response.error?.code == "invalidEncoding")
            #expect(response.error?.message.contains("'br'") == true, "\(response.text)")
            #expect(try await harness.maxSequence() == 0)
        }
    }
}
