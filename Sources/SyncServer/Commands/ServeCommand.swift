import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import Prometheus

/// `syncserver serve`: runs the HTTP server until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: AdminTexts.text("admin.serve.abstract"))

    /// `--db`.
    @OptionGroup var database: DatabaseOptions

    /// `--host`, default 127.0.0.1 or SYNCSERVER_HOST.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.serve.host")))
    var host: String?

    /// `--port`, default 8080 or SYNCSERVER_PORT.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.serve.port")))
    var port: Int?

    /// `--metrics-port`: where `GET /metrics` listens, on 127.0.0.1 only; default SYNCSERVER_METRICS_PORT or none.
    @Option(name: .customLong("metrics-port"), help: ArgumentHelp(AdminTexts.text("admin.serve.metricsPort"), valueName: "PORT"))
    var metricsPort: Int?

    /// `--trusted-proxy`, repeatable.
    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(AdminTexts.text("admin.serve.trustedProxy"), valueName: "ADDRESS"))
    var trustedProxies: [String] = []

    /// `--log-level`.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.serve.logLevel")))
    var logLevel: String = "info"

    /// The effective host.
    var resolvedHost: String {
        host ?? ProcessInfo.processInfo.environment["SYNCSERVER_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
    }

    /// The effective port.
    var resolvedPort: Int? {
        if let port { return port }
        guard let text = ProcessInfo.processInfo.environment["SYNCSERVER_PORT"], !text.isEmpty else { return 8080 }
        return Int(text)
    }

    /// The effective metrics port; nil when metrics are off, 0 when SYNCSERVER_METRICS_PORT is not a number.
    var resolvedMetricsPort: Int? {
        if let metricsPort { return metricsPort }
        guard let text = ProcessInfo.processInfo.environment["SYNCSERVER_METRICS_PORT"], !text.isEmpty else { return nil }
        return Int(text) ?? 0
    }

    /// Checks the ports and log level.
    func validate() throws {
        guard let port = resolvedPort, (0...65535).contains(port) else {
            throw ValidationError(AdminTexts.text("admin.serve.badPort"))
        }
        if let metricsPort = resolvedMetricsPort, !(1...65535).contains(metricsPort) || metricsPort == port {
            throw ValidationError(AdminTexts.text("admin.serve.badMetricsPort"))
        }
        for proxy in trustedProxies where (try? SocketAddress(ipAddress: proxy, port: 0)) == nil {
            throw ValidationError(AdminTexts.text("admin.serve.badProxy", ["proxy": String(proxy.prefix(60))]))
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(AdminTexts.text("admin.serve.badLogLevel"))
        }
    }

    /// Opens the database, serves until a signal, then closes the database.
    func run() async throws {
        var logger = Logger(label: "syncserver")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let location = try database.location
        let opened = try RecordStoreFactory.makeRecordStore(at: location, logger: logger, journal: database.journal)
        logger.info(
            "Starting",
            metadata: ["db.location": "\(location)", "http.host": "\(resolvedHost)", "http.port": "\(resolvedPort ?? 8080)"])
        do {
            try await serve(opened.store, opened: opened, logger: logger)
        } catch {
            try? await opened.close()
            throw error
        }
        try await opened.close()
        logger.info("Stopped; database closed")
    }

    /// Runs the server on `store` with the store's services until a signal; with `--metrics-port`,
    /// the metrics listener runs beside it as one more service.
    private func serve<Store: RecordStore>(_ store: Store, opened: OpenedRecordStore, logger: Logger) async throws {
        var services = opened.services
        var environment = ServerEnvironment(logger: logger)
        if let metricsPort = resolvedMetricsPort {
            let registry = PrometheusCollectorRegistry()
            environment.metrics = .makePrometheus(registry: registry)
            services.append(buildMetricsApplication(registry: registry, port: metricsPort, logger: logger))
            logger.info("Serving metrics", metadata: ["http.host": "127.0.0.1", "http.port": "\(metricsPort)"])
        }
        let app = buildApplication(
            store: store, host: resolvedHost, port: resolvedPort ?? 8080, environment: environment,
            services: services, guessing: GuessingProtection(trustedProxies: Set(trustedProxies)),
            prepare: opened.prepare)
        try await app.runService()
    }
}
