import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import SyncModel
import Testing

@testable import SyncServer

@Suite("Server metrics: what GET /metrics on the metrics port shows")
struct ServerMetricsTests {
    /// A harness whose router counts into a registry of the test's own (never the process-wide bootstrap).
    private struct Metered {
        let harness: TestHarness
        let registry = PrometheusCollectorRegistry()
        let environment: ServerEnvironment

        init() async throws {
            harness = try await TestHarness()
            var environment = harness.environment
            environment.metrics = .makePrometheus(registry: registry)
            self.environment = environment
            try await harness.makeCohort("wedding")
        }

        /// Runs `body` against the metered router in memory.
        func run<Value: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws
            -> Value
        {
            let router = buildRouter(store: harness.store, environment: environment)
            return try await Application(router: router, logger: .quiet).test(.router, body)
        }

        /// Scrapes the metrics router.
        func scrape() async throws -> PrometheusScrape {
            try await Application(router: buildMetricsRouter(registry: registry), logger: .quiet).test(.router) { client in
                try await client.execute(uri: "/metrics", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                    return PrometheusScrape(String(buffer: response.body))
                }
            }
        }
    }

    @Test("After a push of three records, one invalid, the record counters, batch sizes and feed sequence moved")
    func pushMovesCounters() async throws {
        let metered = try await Metered()
        let before = try await metered.scrape()
        #expect(before["syncserver_records_pushed_total"] == 0)
        try await metered.run { client in
            let device = try await metered.harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let harness = metered.harness
            let records = [
                TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": 4]),
                TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": 400]),
                TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: device.replica, fields: ["street": "A"]),
            ]
            let answer = try await harness.push(client, device, records)
            #expect(answer.results.map(\.status) == [.accepted, .rejected, .accepted])
        }
        let after = try await metered.scrape()
        #expect(after["syncserver_records_pushed_total"] == 3)
        #expect(after["syncserver_records_written_total"] == 2)
        #expect(after["syncserver_records_rejected_total"] == 1)
        #expect(after["syncserver_feed_sequence"] == Double(try await metered.harness.maxSequence()))
        #expect(after["syncserver_push_batch_records_count"] == 1)
        #expect(after["syncserver_push_batch_records_sum"] == 3)
        #expect(after["syncserver_push_batch_records_bucket{le=\"1.0\"}"] == 0)
        #expect(after["syncserver_push_batch_records_bucket{le=\"5.0\"}"] == 1)
        #expect(after.requests(route: "/v1/sync/push", method: "POST", status: 200) == 1)
        #expect(after.requests(route: "/v1/enroll", method: "POST", status: 201) == 1)
        #expect(after["syncserver_http_request_duration_seconds_count{route=\"/v1/sync/push\",method=\"POST\",status=\"200\"}"] == 1)
    }

    @Test("Pages of the change feed are counted with the states they carried")
    func pagesCounted() async throws {
        let metered = try await Metered()
        try await metered.run { client in
            let harness = metered.harness
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let records = (0..<3).map { index in
                TestFixtures.response(
                    cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": .integer(Int64(index))])
            }
            _ = try await harness.push(client, device, records)
            let pulled = try await harness.pullAll(client, trainer, limit: 2)
            #expect(pulled.records.count == 3)
        }
        let scrape = try await metered.scrape()
        #expect(scrape["syncserver_change_pages_served_total"] == 2)
        #expect(scrape["syncserver_records_served_total"] == 3)
        #expect(scrape.requests(route: "/v1/sync/changes", method: "GET", status: 200) == 2)
    }

    @Test("Labels never hold a token, a participant, a cohort, an answer or a path as sent")
    func noPersonalLabels() async throws {
        let metered = try await Metered()
        let token = try await metered.run { client in
            let harness = metered.harness
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let record = TestFixtures.household(
                cohort: "wedding", owner: "Ayşe", replica: device.replica, fields: ["street": "Seestraße"])
            _ = try await harness.push(client, device, [record])
            let missing = try await client.send(.delete, "/v1/devices/\(device.id)-geheim", token: device.token)
            #expect(missing.status != .ok)
            let unknown = try await client.send(.get, "/v1/Seestrasse-17-Klingel", token: device.token)
            #expect(unknown.status == .notFound)
            let refused = try await client.send(.post, "/v1/sync/push", token: "not-a-token", text: "{}")
            #expect(refused.status == .unauthorized)
            return (device.token, device.id)
        }
        let scrape = try await metered.scrape()
        for secret in [token.0, token.1, "Ayşe", "wedding", "Seestra", "geheim", "Klingel", "not-a-token"] {
            #expect(!scrape.text.contains(secret), "the scrape holds '\(secret)'")
        }
        #expect(scrape.requests(route: "NotFound", method: "GET", status: 404) == 1)
        #expect(scrape.samples.keys.contains { $0.contains("route=\"/v1/devices/{id}\",method=\"DELETE\"") })
        #expect(scrape.requests(route: "/v1/sync/push", method: "POST", status: 401) == 1)
    }

    @Test("A database that cannot write is counted as a database error and answered 503")
    func databaseErrorsCounted() async throws {
        let registry = PrometheusCollectorRegistry()
        let middleware = ErrorMiddleware<BasicRequestContext>(metrics: .makePrometheus(registry: registry))
        let router = Router()
        router.add(middleware: middleware)
        router.get("fails") { _, _ -> String in throw StoreError.unavailable("SQLite error 13") }
        router.get("refuses") { _, _ -> String in throw StoreError.notFound("no such cohort") }
        try await Application(router: router, logger: .quiet).test(.router) { client in
            try await client.execute(uri: "/fails", method: .get) { #expect($0.status == .serviceUnavailable) }
            try await client.execute(uri: "/refuses", method: .get) { #expect($0.status == .notFound) }
        }
        #expect(PrometheusScrape(registry.emitToString())["syncserver_database_errors_total"] == 1)
    }

    @Test("Open connections rise while a client holds one and fall when it closes")
    func openConnections() async throws {
        let harness = try await TestHarness()
        let registry = PrometheusCollectorRegistry()
        var environment = harness.environment
        environment.metrics = .makePrometheus(registry: registry)
        let app = buildApplication(store: harness.store, host: "127.0.0.1", port: 0, environment: environment)
        let gauge: @Sendable () -> Double? = { PrometheusScrape(registry.emitToString())["syncserver_open_connections"] }
        try await app.test(.live) { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            #expect(gauge() == 1)
        }
        for _ in 0..<50 where gauge() != 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(gauge() == 0)
    }
}
