import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SyncModel

extension TestClientProtocol {
    /// Sends a request with the protocol header (unless `protocolHeader` is nil) and an optional token.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: ByteBuffer? = nil,
        protocolHeader: String? = "1", contentType: String = "application/json"
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: contentType]
        if let protocolHeader { headers[HTTPField.Name("QuartierSync-Protocol")!] = protocolHeader }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await executeRequest(uri: uri, method: method, headers: headers, body: body)
    }

    /// Sends `value` as JSON.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json value: some Encodable
    ) async throws -> TestResponse {
        try await send(method, uri, token: token, body: ByteBuffer(bytes: try JSONEncoder().encode(value)))
    }

    /// Sends raw text.
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, text: String) async throws
        -> TestResponse
    {
        try await send(method, uri, token: token, body: ByteBuffer(string: text))
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// Decodes the body.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(body.readableBytesView))
    }

    /// The error body's detail, or nil when the body is not an `ErrorBody`.
    var error: ErrorDetail? { try? decode(ErrorBody.self).error }
}
