import HTTPTypes
import SyncModel

/// An error answered to the client: an HTTP status and the `ErrorBody` detail.
struct APIError: Error, Sendable {
    /// The HTTP status, always 4xx for client input.
    var status: HTTPResponse.Status
    /// The code and message of the body.
    var detail: ErrorDetail

    /// Creates an error.
    init(_ status: HTTPResponse.Status, _ code: ErrorCode, _ message: String) {
        self.status = status
        self.detail = ErrorDetail(code, message)
    }

    /// 400 invalidParameter.
    static func invalidParameter(_ message: String) -> APIError { APIError(.badRequest, .invalidParameter, message) }
    /// 401 unauthorized.
    static func unauthorized(_ message: String) -> APIError { APIError(.unauthorized, .unauthorized, message) }
    /// 403 forbidden.
    static func forbidden(_ message: String) -> APIError { APIError(.forbidden, .forbidden, message) }
    /// 404 notFound.
    static func notFound(_ message: String) -> APIError { APIError(.notFound, .notFound, message) }
}
