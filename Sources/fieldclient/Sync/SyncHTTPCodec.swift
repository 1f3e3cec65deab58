import CompressNIO
import Foundation
import NIOCore
import SyncModel

/// How the client writes a request body and reads an answer of the sync API, whatever carries the
/// bytes: `HTTPSyncTransport` over the network, the tests' router in memory.
enum SyncHTTPCodec {
    /// The largest response body read, in bytes, on the wire and after inflating.
    static let maximumResponseBytes = 64 * 1024 * 1024
    /// Request bodies at least this large are sent gzip-compressed.
    static let minimumCompressedBytes = 1024

    /// The headers every request carries, beside `Authorization` and the body's own.
    static let requestHeaders: [(name: String, value: String)] = [
        (SyncProtocol.versionHeader, String(SyncProtocol.version)),
        ("Accept", "application/json"),
        ("Accept-Encoding", "gzip"),
        ("User-Agent", "fieldclient/1"),
    ]

    /// The JSON of `body`, gzip-compressed when it is large; `gzipped` says whether it was.
    static func requestBody<Body: Encodable>(_ body: Body) throws(TransportError) -> (bytes: ByteBuffer, gzipped: Bool) {
        do {
            var buffer =
                if let fast = body as? any FastJSONEncodable {
                    ByteBuffer(bytes: try FastJSON.encode(fast, capacity: 64 * 1024))
                } else {
                    ByteBuffer(bytes: try JSONEncoder().encode(body))
                }
            guard buffer.readableBytes >= minimumCompressedBytes else { return (buffer, false) }
            return (try buffer.compress(with: .gzip()), true)
        } catch {
            throw .unexpectedAnswer(Texts.current("transport.encode", ["detail": "\(error)"]))
        }
    }

    /// Reads the answer to a request of `path` at `server`: decodes a success, maps every other
    /// status to the `TransportError` the commands explain.
    static func answer<Answer: Decodable>(
        status: Int, body: ByteBuffer, gzipped: Bool, server: String, path: String, as type: Answer.Type
    ) throws(TransportError) -> Answer {
        var body = body
        if gzipped {
            do {
                body = try body.decompress(with: .gzip(), maxSize: maximumResponseBytes)
            } catch {
                throw .unexpectedAnswer(Texts.current("transport.gzip", ["server": server, "detail": "\(error)"]))
            }
        }
        let data = Data(body.readableBytesView)
        switch status {
        case 200..<300:
            do {
                if let fastType = Answer.self as? any FastJSONDecodable.Type {
                    return try FastJSON.decode(fastType, from: data) as! Answer
                }
                return try JSONDecoder().decode(Answer.self, from: data)
            } catch {
                throw .unexpectedAnswer(
                    Texts.current("transport.notJSON", ["server": server, "path": String(path.split(separator: "?")[0])]))
            }
        case 502, 503, 504:
            throw .unreachable("HTTP \(status)")
        default:
            guard let detail = try? JSONDecoder().decode(ErrorBody.self, from: data).error else {
                throw .unexpectedAnswer(Texts.current("transport.noErrorBody", ["server": server, "status": String(status)]))
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
