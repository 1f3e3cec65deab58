import Foundation
import Hummingbird
import SyncModel

extension Request {
    /// Collects the body (at most 8 MiB, else 413) and decodes it as JSON; a decoding failure
    /// becomes 400 invalidJSON naming the failing field.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: SyncRequestContext) async throws -> T {
        let buffer = try await body.collect(upTo: SyncProtocol.maximumBodyBytes)
        guard buffer.readableBytes > 0 else {
            throw APIError(.badRequest, .invalidJSON, "The body is empty. Send a JSON document.")
        }
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    /// Collects the body as bytes, at most 8 MiB (else 413).
    func collectData() async throws -> Data {
        Data(try await body.collect(upTo: SyncProtocol.maximumBodyBytes).readableBytesView)
    }
}
