import Foundation
import HTTPTypes
import Hummingbird
import SyncModel

/// The 429 answer for an address that failed too often: `Retry-After` and a JSON error. Returned,
/// not thrown, so that the error mapping does not turn it into another status.
struct TooManyAttempts: Sendable {
    /// Seconds until the address may try again.
    var retryAfter: Int

    /// The JSON error body with `Retry-After`.
    func response() throws -> Response {
        let detail = ErrorDetail(
            .rateLimited,
            "Too many wrong codes from this address. Wait \(Self.minutes(retryAfter)) minute(s), then type the code again "
                + "carefully, or ask your trainer for a new one.")
        let data = try JSONEncoder().encode(ErrorBody(error: detail))
        return Response(
            status: .tooManyRequests,
            headers: [.contentType: "application/json; charset=utf-8", .retryAfter: String(retryAfter)],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Whole minutes, rounded up.
    static func minutes(_ seconds: Int) -> Int { (seconds + 59) / 60 }
}
