import AsyncHTTPClient
import CompressNIO
import Foundation
import NIOCore
import SyncModel

/// The few HTTP calls the benchmark makes, with byte counts; bodies are prepared by the caller so
/// that encoding is not timed as server work.
struct BenchHTTP: Sendable {
    /// The client; the caller shuts it down.
    let client: HTTPClient
    /// The server's base URL.
    let base: String

    /// What one page request returned.
    struct PageAnswer: Sendable {
        /// Body bytes as received (compressed when the server compressed).
        var wireBytes: Int
        /// The JSON body, inflated.
        var body: ByteBuffer
    }

    /// Enrolls a device with `code` under `replica` and returns its token.
    func enroll(code: String, replica: ReplicaID, name: String) async throws -> String {
        let body = try JSONEncoder().encode(EnrollRequest(code: code, deviceName: name, replicaId: replica))
        let (status, answer) = try await send("POST", "/v1/enroll", token: nil, body: ByteBuffer(bytes: body))
        guard status == 201 else { throw BenchFailure("enroll answered \(status): \(String(buffer: answer))") }
        return try JSONDecoder().decode(EnrollResponse.self, from: Data(answer.readableBytesView)).token
    }

    /// Pushes a prepared body (gzip when `gzip`) and checks that every record was accepted.
    func push(_ body: ByteBuffer, records: Int, token: String, gzip: Bool) async throws {
        let (status, answer) = try await send("POST", "/v1/sync/push", token: token, body: body, gzip: gzip)
        guard status == 200 else { throw BenchFailure("push answered \(status): \(String(buffer: answer).prefix(300))") }
        let response = try JSONDecoder().decode(PushResponse.self, from: Data(answer.readableBytesView))
        let accepted = response.results.filter { $0.status == .accepted }.count
        guard accepted == records else {
            let first = response.results.first { $0.status == .rejected }
            throw BenchFailure("push accepted \(accepted) of \(records): \(first?.error?.message ?? "")")
        }
    }

    /// One page of changes; with `gzip` the request accepts a compressed answer.
    func page(since cursor: String, limit: Int, token: String, gzip: Bool) async throws -> PageAnswer {
        let (status, answer, wire) = try await exchange(
            "GET", "/v1/sync/changes?since=\(cursor)&limit=\(limit)", token: token, body: nil, gzip: false,
            acceptGzip: gzip)
        guard status == 200 else { throw BenchFailure("changes answered \(status): \(String(buffer: answer).prefix(300))") }
        return PageAnswer(wireBytes: wire, body: answer)
    }

    /// Sends a request and returns the status and inflated body.
    private func send(
        _ method: String, _ path: String, token: String?, body: ByteBuffer?, gzip: Bool = false
    ) async throws -> (Int, ByteBuffer) {
        let (status, answer, _) = try await exchange(method, path, token: token, body: body, gzip: gzip, acceptGzip: false)
        return (status, answer)
    }

    /// Sends a request; returns status, inflated body and body bytes on the wire.
    private func exchange(
        _ method: String, _ path: String, token: String?, body: ByteBuffer?, gzip: Bool, acceptGzip: Bool
    ) async throws -> (Int, ByteBuffer, Int) {
        var request = HTTPClientRequest(url: base + path)
        request.method = method == "POST" ? .POST : .GET
        request.headers.add(name: SyncProtocol.versionHeader, value: String(SyncProtocol.version))
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if acceptGzip { request.headers.add(name: "Accept-Encoding", value: "gzip") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            if gzip { request.headers.add(name: "Content-Encoding", value: "gzip") }
            request.body = .bytes(body)
        }
        let response = try await client.execute(request, timeout: .seconds(600))
        var answer = try await response.body.collect(upTo: 256 * 1024 * 1024)
        let wire = answer.readableBytes
        if response.headers.first(name: "Content-Encoding") == "gzip" {
            answer = try answer.decompress(with: .gzip())
        }
        return (Int(response.status.code), answer, wire)
    }
}

/// The cursor and `hasMore` of a page, read without decoding its records.
struct PageTail: Decodable {
    /// The next cursor.
    var cursor: String
    /// Whether more pages follow.
    var hasMore: Bool
}
