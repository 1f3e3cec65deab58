import Hummingbird
import SyncModel

/// `GET /health` and `GET /openapi.yaml`; neither needs the protocol header or a token.
struct HealthController<Store: RecordStore>: Sendable {
    /// The store, to check that the database answers.
    let store: Store

    /// The health answer.
    struct Health: Codable, Sendable {
        /// `ok`.
        var status: String
        /// The protocol version spoken.
        var protocolVersion: Int
    }

    /// Adds the routes.
    func addRoutes(to router: RouterGroup<SyncRequestContext>) {
        router.get("health") { _, _ in
            _ = try await store.epoch()
            return try Response.json(Health(status: "ok", protocolVersion: SyncProtocol.version))
        }
        router.get("openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
    }
}
