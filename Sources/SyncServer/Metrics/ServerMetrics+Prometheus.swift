import Prometheus

extension ServerMetrics {
    /// Metrics kept in `registry`, which `GET /metrics` writes out in Prometheus' text format.
    static func makePrometheus(registry: PrometheusCollectorRegistry) -> ServerMetrics {
        ServerMetrics(factory: makePrometheusFactory(registry: registry))
    }

    /// A Prometheus factory on `registry` with this server's histogram buckets: request durations
    /// from 5 ms to 30 s (a push of 1,000 records over a slow link), push sizes from 1 to the
    /// protocol's 1,000 records, group commits from 1 to 64 pushes.
    static func makePrometheusFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[Name.requestDuration] = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(30),
        ]
        factory.valueHistogramBuckets[Name.pushBatchSize] = [1, 5, 10, 25, 50, 100, 250, 500, 1000]
        factory.valueHistogramBuckets[Name.groupCommitSize] = [1, 2, 4, 8, 16, 32, 64]
        return factory
    }
}
