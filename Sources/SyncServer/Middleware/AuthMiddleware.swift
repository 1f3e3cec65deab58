import Hummingbird
import SyncModel

/// Authenticates the bearer token and puts its device into the context.
///
/// The token names its device id, so the lookup never depends on the secret; the stored
/// SHA-256 hash is compared in constant time. Revoked devices get 401.
struct AuthMiddleware<Store: RecordStore>: RouterMiddleware {
    /// The store holding device credentials.
    let store: Store

    /// Rejects a missing, malformed, wrong or revoked token with 401.
    func handle(
        _ request: Request, context: SyncRequestContext,
        next: (Request, SyncRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let device = try await Self.device(of: request, store: store) else {
            throw APIError.unauthorized("Missing token. Send 'Authorization: Bearer <token>' from enrollment.")
        }
        var context = context
        context.device = device
        context.logger[metadataKey: "device.id"] = "\(device.id)"
        return try await next(request, context)
    }

    /// The device of the request's bearer token; nil without an `Authorization` header, 401 for a
    /// malformed, wrong or revoked token.
    static func device(of request: Request, store: Store) async throws -> DeviceInfo? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
            let token = DeviceToken(parsing: String(parts[1]).trimmingCharacters(in: .whitespaces))
        else {
            throw APIError.unauthorized("The token is malformed. Send 'Authorization: Bearer <token>' from enrollment.")
        }
        guard let credential = try await store.credential(deviceID: token.deviceID),
            SecretHasher.constantTimeEquals(credential.tokenHash, token.hash)
        else {
            throw APIError.unauthorized("The token is wrong. Enroll the device again with a new code.")
        }
        guard !credential.device.isRevoked else {
            throw APIError.unauthorized("This device was revoked. Ask your trainer for a new enrollment code.")
        }
        return credential.device
    }
}
