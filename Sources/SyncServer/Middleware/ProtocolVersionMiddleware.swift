import Foundation
import HTTPTypes
import Hummingbird
import SyncModel

/// Requires the `QuartierSync-Protocol` header to name the version this server speaks.
struct ProtocolVersionMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The header's field name.
    static var field: HTTPField.Name { HTTPField.Name(SyncProtocol.versionHeader)! }

    /// Rejects a missing or unknown version with 400 unsupportedProtocol.
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let value = request.headers[Self.field] else {
            throw APIError(
                .badRequest, .unsupportedProtocol,
                "Missing header \(SyncProtocol.versionHeader). Send '\(SyncProtocol.versionHeader): \(SyncProtocol.version)'.")
        }
        guard value.trimmingCharacters(in: .whitespaces) == String(SyncProtocol.version) else {
            throw APIError(
                .badRequest, .unsupportedProtocol,
                "This server speaks protocol version \(SyncProtocol.version), not '\(value.prefix(20))'. Update the client.")
        }
        return try await next(request, context)
    }
}
