import AsyncHTTPClient
import Foundation
import NIOCore
import SyncModel

/// The sync transport over HTTP(S) with AsyncHTTPClient; every request carries the protocol header.
///
/// Request bodies of pushes are sent gzip-compressed (`Content-Encoding: gzip`), and every
/// request accepts gzip answers (`Accept-Encoding: gzip`); plain answers are read the same way.
struct HTTPSyncTransport: SyncTransport {
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

    /// `POST /v1/cohorts/{cohort}/pseudonyms`: the export pseudonyms of `participants` (trainers).
    func pseudonyms(cohort: String, participants: [String]) async throws(TransportError) -> PseudonymMap {
        let path = "/v1/cohorts/" + (cohort.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? cohort)
            + "/pseudonyms"
        return try await send("POST", path, body: PseudonymRequest(participants: participants), as: PseudonymMap.self)
    }

    /// Sends one request and decodes the answer, mapping every failure to a `TransportError`.
    private func send<Body: Encodable, Answer: Decodable>(
        _ method: String, _ path: String, body: Body?, as type: Answer.Type
    ) async throws(TransportError) -> Answer {
        var request = HTTPClientRequest(url: server.base + path)
        request.method = method == "POST" ? .POST : .GET
        for header in SyncHTTPCodec.requestHeaders { request.headers.add(name: header.name, value: header.value) }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body {
            let encoded = try SyncHTTPCodec.requestBody(body)
            request.headers.add(name: "Content-Type", value: "application/json")
            if encoded.gzipped { request.headers.add(name: "Content-Encoding", value: "gzip") }
            request.body = .bytes(encoded.bytes)
        }
        let status: Int
        let buffer: ByteBuffer
        let gzipped: Bool
        do {
            let response = try await client.execute(request, deadline: .distantFuture)
            status = Int(response.status.code)
            gzipped = response.headers.first(name: "Content-Encoding")?.lowercased() == "gzip"
            buffer = try await response.body.collect(upTo: SyncHTTPCodec.maximumResponseBytes)
        } catch {
            throw .unreachable("\(error)")
        }
        return try SyncHTTPCodec.answer(status: status, body: buffer, gzipped: gzipped, server: server.base, path: path, as: type)
    }
}
