import Foundation
import HTTPTypes
import NIOCore
import SyncModel

@testable import fieldclient

/// A sync transport that sends the client's own requests to an ``InMemoryServer`` and reads its
/// answers with the client's own codec: everything of `HTTPSyncTransport` except the sockets.
struct RouterTransport: SyncTransport {
    /// The server.
    let server: InMemoryServer
    /// The device's bearer token.
    let token: String

    /// `POST /v1/sync/push`.
    func push(_ request: PushRequest) async throws(TransportError) -> PushResponse {
        try await send(.post, "/v1/sync/push", body: request, as: PushResponse.self)
    }

    /// `GET /v1/sync/changes`.
    func changes(since cursor: String, limit: Int) async throws(TransportError) -> ChangesPage {
        let since = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return try await send(.get, "/v1/sync/changes?since=\(since)&limit=\(limit)", body: nil as String?, as: ChangesPage.self)
    }

    /// `GET /v1/surveys`.
    func surveys() async throws(TransportError) -> [SurveyDefinition] {
        try await send(.get, "/v1/surveys", body: nil as String?, as: SurveyListResponse.self).surveys.map(\.definition)
    }

    private func send<Body: Encodable, Answer: Decodable>(
        _ method: HTTPRequest.Method, _ path: String, body: Body?, as type: Answer.Type
    ) async throws(TransportError) -> Answer {
        let encoded = try body.map { body throws(TransportError) in try SyncHTTPCodec.requestBody(body) }
        let answer: (status: Int, body: ByteBuffer)
        do {
            answer = try await server.send(
                method, path, token: token, body: encoded?.bytes, gzipped: encoded?.gzipped ?? false,
                headers: SyncHTTPCodec.requestHeaders)
        } catch {
            throw .unreachable("\(error)")
        }
        return try SyncHTTPCodec.answer(
            status: answer.status, body: answer.body, gzipped: false, server: "memory:", path: path, as: type)
    }
}
