import CompressNIO
import Foundation
import Hummingbird
import SyncModel

/// gzip on the wire: request bodies sent with `Content-Encoding: gzip`, and responses compressed
/// for clients that send `Accept-Encoding: gzip`. Plain bodies work the same as before.
enum ContentCoding {
    /// Responses smaller than this stay uncompressed: gzip would save nothing worth the CPU.
    static let minimumCompressedBytes = 1024

    /// The body as sent, decompressed when `contentEncoding` is gzip; at most `limit` bytes either way.
    ///
    /// Throws 415 for an encoding other than gzip or identity, 400 for a body that is not gzip,
    /// and 413 when the decompressed body is larger than `limit`, without inflating past it.
    static func decode(_ body: ByteBuffer, contentEncoding: String?, limit: Int) throws -> ByteBuffer {
        let encoding = (contentEncoding ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        switch encoding {
        case "", "identity":
            return body
        case "gzip", "x-gzip":
            var input = body
            let invalid = APIError(
                .badRequest, .invalidEncoding,
                "The body says 'Content-Encoding: gzip' but is not one complete gzip stream. "
                    + "Send gzip data, or plain JSON without that header.")
            // A gzip stream is at least a 10-byte header and an 8-byte trailer.
            guard input.readableBytes >= 18,
                let size = body.getInteger(at: body.writerIndex - 4, endianness: .little, as: UInt32.self)
            else { throw invalid }
            do {
                let inflated = try input.decompress(with: .gzip(), maxSize: limit)
                // zlib stops quietly at the end of a truncated stream; the trailer's size tells.
                guard UInt32(truncatingIfNeeded: inflated.readableBytes) == size else { throw invalid }
                return inflated
            } catch let error as APIError {
                throw error
            } catch let error as CompressNIOError where error == .bufferOverflow {
                throw APIError(
                    .contentTooLarge, .payloadTooLarge,
                    "The gzip body inflates to more than \(limit / (1024 * 1024)) MiB. Push fewer records at once.")
            } catch {
                throw invalid
            }
        default:
            throw APIError(
                .unsupportedMediaType, .invalidEncoding,
                "Content-Encoding '\(encoding.prefix(40))' is not supported. Send gzip or no Content-Encoding.")
        }
    }

    /// Whether an `Accept-Encoding` header value accepts gzip (a `gzip` or `*` coding whose q is not 0).
    static func acceptsGzip(_ header: String?) -> Bool {
        guard let header else { return false }
        var star = false
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let coding = parts.first else { continue }
            let refused = parts.dropFirst().contains { parameter in
                guard parameter.hasPrefix("q=") else { return false }
                return (Double(parameter.dropFirst(2)) ?? 1) == 0
            }
            if coding == "gzip" || coding == "x-gzip" { return !refused }
            if coding == "*" { star = !refused }
        }
        return star
    }

    /// A JSON response of `data`, gzip-compressed when the request accepts gzip and it is worth it.
    static func jsonResponse(_ data: Data, for request: Request) throws -> Response {
        let accepted = acceptsGzip(request.headers[.acceptEncoding])
        guard accepted, data.count >= minimumCompressedBytes else {
            var response = Response.json(data: data)
            response.headers[.vary] = "Accept-Encoding"
            return response
        }
        var input = ByteBuffer(bytes: data)
        let compressed = try input.compress(with: .gzip())
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json; charset=utf-8", .contentEncoding: "gzip", .vary: "Accept-Encoding",
            ],
            body: .init(byteBuffer: compressed))
    }
}
