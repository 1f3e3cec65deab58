import Foundation
import Metrics
import Synchronization

/// The server's metrics, made through an injected swift-metrics factory (Prometheus in `serve
/// --metrics-port`, a no-op otherwise), so that tests scrape their own registry and never depend on
/// the process-wide `MetricsSystem` bootstrap, which can happen only once per process.
///
/// No label ever holds a token, a participant, a cohort or content: requests are labelled by the
/// route's template (`/v1/devices/{id}`), the method and the status only.
final class ServerMetrics: Sendable {
    /// Metrics that record nothing, for admin commands and tests that do not look.
    static let disabled = ServerMetrics(factory: NOOPMetricsHandler.instance)

    /// Records received in pushes (`syncserver_records_pushed_total`).
    let recordsPushed: Counter
    /// Record states written to the feed by pushes (`syncserver_records_written_total`).
    let recordsWritten: Counter
    /// Pushed records answered `rejected` (`syncserver_records_rejected_total`).
    let recordsRejected: Counter
    /// Pages of the change feed answered (`syncserver_change_pages_served_total`).
    let pagesServed: Counter
    /// Record states sent in those pages (`syncserver_records_served_total`).
    let recordsServed: Counter
    /// The last feed sequence this process wrote (`syncserver_feed_sequence`).
    let feedSequence: Gauge
    /// Records per push, a histogram (`syncserver_push_batch_records`).
    let pushBatchSize: Recorder
    /// Pushes committed in one transaction with this one, a histogram (`syncserver_group_commit_batches`).
    let groupCommitSize: Recorder
    /// Requests that failed because the database could not answer (`syncserver_database_errors_total`).
    let databaseErrors: Counter
    /// HTTP connections open now (`syncserver_open_connections`).
    let openConnections: Meter

    /// The factory that makes the per-route metrics on first use.
    private let factory: any MetricsFactory
    /// The request counter and duration histogram of each route, method and status seen so far.
    private let requestMetrics = Mutex<[RequestKey: RequestMetrics]>([:])

    /// Creates the metrics through `factory`.
    init(factory: any MetricsFactory) {
        self.factory = factory
        recordsPushed = Counter(label: Name.recordsPushed, factory: factory)
        recordsWritten = Counter(label: Name.recordsWritten, factory: factory)
        recordsRejected = Counter(label: Name.recordsRejected, factory: factory)
        pagesServed = Counter(label: Name.pagesServed, factory: factory)
        recordsServed = Counter(label: Name.recordsServed, factory: factory)
        feedSequence = Gauge(label: Name.feedSequence, factory: factory)
        pushBatchSize = Recorder(label: Name.pushBatchSize, aggregate: true, factory: factory)
        groupCommitSize = Recorder(label: Name.groupCommitSize, aggregate: true, factory: factory)
        databaseErrors = Counter(label: Name.databaseErrors, factory: factory)
        openConnections = Meter(label: Name.openConnections, factory: factory)
    }

    /// Counts one answered request of `route` (the matched route's template, never the path as
    /// sent) and records how long it took.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestKey(route: route, method: method, status: status)
        let metrics = requestMetrics.withLock { known in
            if let metrics = known[key] { return metrics }
            let dimensions = [("route", route), ("method", method), ("status", String(status))]
            let metrics = RequestMetrics(
                count: Counter(label: Name.requests, dimensions: dimensions, factory: factory),
                duration: Metrics.Timer(label: Name.requestDuration, dimensions: dimensions, factory: factory))
            known[key] = metrics
            return metrics
        }
        metrics.count.increment()
        let (seconds, attoseconds) = duration.components
        metrics.duration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// Counts a push of `pushed` records of which `written` were stored and `rejected` refused,
    /// the last written at feed sequence `lastSequence`, committed in a group of `groupSize` pushes.
    func recordPush(pushed: Int, written: Int, rejected: Int, lastSequence: Int64?, groupSize: Int = 1) {
        recordsPushed.increment(by: pushed)
        groupCommitSize.record(groupSize)
        recordsWritten.increment(by: written)
        recordsRejected.increment(by: rejected)
        pushBatchSize.record(pushed)
        if let lastSequence { feedSequence.record(lastSequence) }
    }

    /// Counts one page of the change feed holding `records` states.
    func recordPage(records: Int) {
        pagesServed.increment()
        recordsServed.increment(by: records)
    }

    /// The metric names, in Prometheus' spelling.
    enum Name {
        /// Requests by route, method and status.
        static let requests = "syncserver_http_requests_total"
        /// Request durations by route, method and status, in seconds.
        static let requestDuration = "syncserver_http_request_duration_seconds"
        /// Records received in pushes.
        static let recordsPushed = "syncserver_records_pushed_total"
        /// Record states written by pushes.
        static let recordsWritten = "syncserver_records_written_total"
        /// Pushed records rejected.
        static let recordsRejected = "syncserver_records_rejected_total"
        /// Change-feed pages answered.
        static let pagesServed = "syncserver_change_pages_served_total"
        /// Record states sent in change-feed pages.
        static let recordsServed = "syncserver_records_served_total"
        /// The last feed sequence written.
        static let feedSequence = "syncserver_feed_sequence"
        /// Records per push.
        static let pushBatchSize = "syncserver_push_batch_records"
        /// Pushes per group commit, recorded once per push.
        static let groupCommitSize = "syncserver_group_commit_batches"
        /// Database failures.
        static let databaseErrors = "syncserver_database_errors_total"
        /// Open HTTP connections.
        static let openConnections = "syncserver_open_connections"
    }

    /// A route, method and status: the labels of the request metrics.
    private struct RequestKey: Hashable {
        /// The route's template.
        var route: String
        /// The HTTP method.
        var method: String
        /// The answered status code.
        var status: Int
    }

    /// The request metrics of one ``RequestKey``.
    private struct RequestMetrics: Sendable {
        /// Requests answered.
        var count: Counter
        /// Their durations.
        var duration: Metrics.Timer
    }
}
