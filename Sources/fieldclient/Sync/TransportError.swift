import SyncModel

/// Why a server call failed.
enum TransportError: Error, Sendable, Equatable {
    /// No connection: offline, wrong host, refused, timed out, or the server said it is unavailable.
    case unreachable(String)
    /// 401: the token is missing, wrong or revoked, or the enrollment code is invalid.
    case unauthorized(ErrorDetail)
    /// 403: the device may not do this.
    case forbidden(ErrorDetail)
    /// Another 4xx answer with an error body.
    case rejected(status: Int, ErrorDetail)
    /// An answer that is not what the protocol says: wrong JSON, an HTML page, a 5xx.
    case unexpectedAnswer(String)

    /// The exit status this failure maps to.
    var status: ExitStatus {
        switch self {
        case .unreachable: return .unavailable
        case .unauthorized, .forbidden: return .unauthorized
        case .rejected(_, let detail): return detail.code == ErrorCode.validationFailed.rawValue ? .invalidData : .unexpectedAnswer
        case .unexpectedAnswer: return .unexpectedAnswer
        }
    }
}
