import Foundation
import Hummingbird
import SyncModel

extension APIError: HTTPResponseError {
    /// Encodes the error as `ErrorBody` JSON with its status.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = try JSONEncoder().encode(ErrorBody(error: detail))
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if status == .unauthorized {
            headers[.wwwAuthenticate] = "Bearer"
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
