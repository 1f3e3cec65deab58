import AsyncHTTPClient
import CompressNIO
import Foundation
import NIOCore
import SyncModel

/// The sync transport over HTTP(S) with AsyncHTTPClient; every request carries the protocol header.
///
/// Request bodies of pushes are sent gzip-compressed (`Content-Encoding: gzip`), and every
/// request accepts gzip answers (`Accept-Encoding: gzip`); plain answers are read the same way.
struct HTTPSyncTransport: SyncTransport {
    /// The largest response body read, in bytes, on the wire and after inflating.
    static let maximumResponseBytes = 64 * 1024 * 1024
    /// Request bodies at least this large are sent gzip-compressed.
    static let minimumCompressedBytes = 1024

    /// The checked server address.
    let server: ServerAddress
    /// The bearer token, nil for enrollment.
    let token: String?
    /// The HTTP client; the caller shuts it down.
    let client: HTTPClient

    /// Creates a transport.
    init(server: ServerAddress, token: String?, client: HTTPClient) {
        self.server = server
        self.token = token
        self.client = client
    }

    /// How long a connection may take to open.
    static let connectTimeout: Duration = .seconds(10)
    /// How long a connection may go without a byte arriving (once the request is sent) or leaving
    /// (while it is sent) before it counts as dead. A slow link that keeps moving is never cut:
    /// there is no limit on a request's whole duration.
    static let idleTimeout: Duration = .seconds(30)

    /// A client with timeouts suited to field networks: a dead connection is noticed within
    /// ``idleTimeout``, a slow but progressing transfer runs as long as it needs.
    static func makeClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(
            connect: .init(connectTimeout), read: .init(idleTimeout), write: .init(idleTimeout))
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// Runs `body` with a fresh client and shuts the client down afterwards.
    static func withClient<Result>(_ body: (HTTPClient) async throws -> Result) async throws -> Result {
        let client = makeClient()
        do {
            let result = try await body(client)
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// `POST /v1/sync/push`.
    func push(_ request: PushRequest) async throws(TransportError) -> PushResponse {
        try await send("POST", "/v1/sync/push", body: request, as: PushResponse.self)
    }

    /// `GET /v1/sync/changes`.
    func changes(since cursor: String, limit: Int) async throws(TransportError) -> ChangesPage {
        let since = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return try await send("GET", "/v1/sync/changes?since=\(since)&limit=\(limit)", body: nil as String?, as: ChangesPage.self)
    }

    /// `GET /v1/surveys`.
    func surveys() async throws(TransportError) -> [SurveyDefinition] {
        try await send("GET", "/v1/surveys", body: nil as String?, as: SurveyListResponse.self).surveys.map(\.definition)
    }

    /// `POST /v1/enroll`.
    func enroll(_ request: EnrollRequest) async throws(TransportError) -> EnrollResponse {
        try await send("POST", "/v1/enroll", body: request, as: EnrollResponse.self)
    }

    /// `POST /v1/dashboard/links`: a one-time dashboard login link (trainers).
    func dashboardLink() async throws(TransportError) -> DashboardLinkAnswer {
        try await send("POST", "/v1/dashboard/links", body: nil as String?, as: DashboardLinkAnswer.self)
    }

    /// Sends one request and decodes the answer, mapping every failure to a `TransportError`.
    private func send<Body: Encodable, Answer: Decodable>(
        _ method: String, _ path: String, body: Body?, as type: Answer.Type
    ) async throws(TransportError) -> Answer {
        var request = HTTPClientRequest(url: server.base + path)
        request.method = method == "POST" ? .POST : .GET
        request.headers.add(name: SyncProtocol.versionHeader, value: String(SyncProtocol.version))
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Accept-Encoding", value: "gzip")
        request.headers.add(name: "User-Agent", value: "fieldclient/1")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            do {
                var buffer =
                    if let fast = body as? any FastJSONEncodable {
                        ByteBuffer(bytes: try FastJSON.encode(fast, capacity: 64 * 1024))
                    } else {
                        ByteBuffer(bytes: try JSONEncoder().encode(body))
                    }
                request.headers.add(name: "Content-Type", value: "application/json")
                if buffer.readableBytes >= Self.minimumCompressedBytes {
                    buffer = try buffer.compress(with: .gzip())
                    request.headers.add(name: "Content-Encoding", value: "gzip")
                }
                request.body = .bytes(buffer)
            } catch {
                throw .unexpectedAnswer(Texts.current("transport.encode", ["detail": "\(error)"]))
            }
        }
        let status: Int
        let data: Data
        do {
            let response = try await client.execute(request, deadline: .distantFuture)
            status = Int(response.status.code)
            var buffer = try await response.body.collect(upTo: Self.maximumResponseBytes)
            if response.headers.first(name: "Content-Encoding")?.lowercased() == "gzip" {
                do {
                    buffer = try buffer.decompress(with: .gzip(), maxSize: Self.maximumResponseBytes)
                } catch {
                    throw TransportError.unexpectedAnswer(
                        Texts.current("transport.gzip", ["server": server.base, "detail": "\(error)"]))
                }
            }
            data = Data(buffer.readableBytesView)
        } catch let error as TransportError {
            throw error
        } catch {
            throw .unreachable("\(error)")
        }
        switch status {
        case 200..<300:
            do {
                if let fastType = Answer.self as? any FastJSONDecodable.Type {
                    return try FastJSON.decode(fastType, from: data) as! Answer
                }
                return try JSONDecoder().decode(Answer.self, from: data)
            } catch {
                throw .unexpectedAnswer(
                    Texts.current("transport.notJSON", ["server": server.base, "path": String(path.split(separator: "?")[0])]))
            }
        case 502, 503, 504:
            throw .unreachable("HTTP \(status)")
        default:
            guard let detail = try? JSONDecoder().decode(ErrorBody.self, from: data).error else {
                throw .unexpectedAnswer(Texts.current("transport.noErrorBody", ["server": server.base, "status": String(status)]))
            }
            switch status {
            case 401: throw .unauthorized(detail)
            case 403: throw .forbidden(detail)
            case 400..<500: throw .rejected(status: status, detail)
            default:
                throw .unexpectedAnswer(Texts.current("transport.serverFailed", ["status": String(status), "detail": detail.message]))
            }
        }
    }
}
