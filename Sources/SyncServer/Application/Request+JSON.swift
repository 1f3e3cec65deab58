import Foundation
import Hummingbird
import SyncModel

extension Request {
    /// Collects the body (at most 8 MiB, else 413; gzip bodies inflated to at most 8 MiB) and
    /// decodes it as JSON; a decoding failure becomes 400 invalidJSON naming the failing field.
    ///
    /// Types with a hand-written decoder (pushes) go through `FastJSON`, which gives exactly
    /// `JSONDecoder`'s value or error.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: SyncRequestContext) async throws -> T {
        let buffer = try await collectDecoded()
        guard buffer.readableBytes > 0 else {
            throw APIError(.badRequest, .invalidJSON, "The body is empty. Send a JSON document.")
        }
        if let fastType = T.self as? any FastJSONDecodable.Type {
            return try buffer.withUnsafeReadableBytes { try FastJSON.decode(fastType, from: $0) } as! T
        }
        return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
    }

    /// Collects the body as bytes, at most 8 MiB (else 413), inflating a gzip body.
    func collectData() async throws -> Data {
        Data(try await collectDecoded().readableBytesView)
    }

    /// The body, at most 8 MiB on the wire and, when gzip, at most 8 MiB inflated.
    private func collectDecoded() async throws -> ByteBuffer {
        let raw = try await body.collect(upTo: SyncProtocol.maximumBodyBytes)
        return try ContentCoding.decode(
            raw, contentEncoding: headers[.contentEncoding], limit: SyncProtocol.maximumBodyBytes)
    }
}
