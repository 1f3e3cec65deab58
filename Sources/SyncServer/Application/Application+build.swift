import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import SyncModel

/// Builds the router with every route of the API; shared by the server and the tests. `guessing`
/// limits failed enrollments and dashboard logins per client address (one per router, so per process).
func buildRouter<Store: RecordStore>(
    store: Store, environment: ServerEnvironment, guessing: GuessingProtection = GuessingProtection()
) -> Router<SyncRequestContext> {
    let router = Router(context: SyncRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: environment.metrics))
    router.add(middleware: ErrorMiddleware(metrics: environment.metrics))
    HealthController(store: store).addRoutes(to: router.group())
    let dashboard = DashboardController(store: store, environment: environment, renderer: .shared, guessing: guessing)
    dashboard.addPages(to: router.group())
    let v1 = router.group("v1").add(middleware: ProtocolVersionMiddleware())
    EnrollController(store: store, environment: environment, guessing: guessing).addRoutes(to: v1)
    let authenticated = v1.group().add(middleware: AuthMiddleware(store: store))
    SurveysController(store: store, environment: environment).addRoutes(to: authenticated)
    SyncController(store: store, environment: environment).addRoutes(to: authenticated)
    DevicesController(store: store, environment: environment).addRoutes(to: authenticated)
    ReportsController(store: store, environment: environment).addRoutes(to: authenticated)
    dashboard.addRoutes(to: authenticated)
    return router
}

/// Builds the application: the router on `host:port`, logging through `environment.logger`, with
/// the store's background `services` (PostgreSQL's pool) beside the server and `prepare` (the
/// migrations) run before it listens. Its connections are counted in `environment.metrics`.
func buildApplication<Store: RecordStore>(
    store: Store, host: String, port: Int, environment: ServerEnvironment, services: [any Service] = [],
    guessing: GuessingProtection = GuessingProtection(), prepare: @escaping @Sendable () async throws -> Void = {}
) -> some ApplicationProtocol {
    let metrics = environment.metrics
    var app = Application(
        router: buildRouter(store: store, environment: environment, guessing: guessing),
        server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionCountingHandler(metrics: metrics)])),
        configuration: .init(address: .hostname(host, port: port), serverName: "syncserver"),
        services: services,
        logger: environment.logger)
    app.beforeServerStarts(perform: prepare)
    return app
}

/// Builds the router of the metrics port: `GET /metrics` only, from `registry`.
func buildMetricsRouter(registry: PrometheusCollectorRegistry) -> Router<BasicRequestContext> {
    let router = Router()
    MetricsController(registry: registry).addRoutes(to: router)
    return router
}

/// Builds the metrics application on `127.0.0.1:port`: a listener of its own, so that the TLS
/// proxy in front of the public port never exposes the metrics.
func buildMetricsApplication(registry: PrometheusCollectorRegistry, port: Int, logger: Logger) -> some ApplicationProtocol {
    Application(
        router: buildMetricsRouter(registry: registry),
        configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "syncserver-metrics"),
        logger: logger)
}
