import Hummingbird
import NIOCore
import Prometheus

/// `GET /metrics` on the metrics port: the registry in Prometheus' text format.
struct MetricsController: Sendable {
    /// The registry the server's metrics live in.
    let registry: PrometheusCollectorRegistry

    /// Adds the route.
    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("metrics") { _, _ in
            let bytes = registry.emitToBuffer()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
