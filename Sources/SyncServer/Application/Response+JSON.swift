import Foundation
import Hummingbird
import SyncModel

extension Response {
    /// A JSON response of `value` with `status`.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        try json(data: JSONEncoder().encode(value), status: status)
    }

    /// A JSON response of `value`, written by its hand-written encoder.
    static func json(_ value: some FastJSONEncodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try FastJSON.encode(value, capacity: 16 * 1024))))
    }

    /// A JSON response of already encoded bytes.
    static func json(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
