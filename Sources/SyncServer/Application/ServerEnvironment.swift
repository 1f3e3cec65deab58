import Logging
import SyncModel

/// What is not deterministic, injected so that tests replay: the clock, randomness, logs and metrics.
struct ServerEnvironment: Sendable {
    /// The wall clock for timestamps and code expiry.
    var clock: any WallClock
    /// The source of tokens, codes, ids and epochs.
    var random: any RandomSource
    /// The logger; never given tokens, codes or answers.
    var logger: Logger
    /// The metrics the routes count in; `ServerMetrics.disabled` unless `serve --metrics-port` is given.
    var metrics: ServerMetrics

    /// Creates an environment.
    init(
        clock: any WallClock = SystemWallClock(), random: any RandomSource = SystemRandomSource(), logger: Logger,
        metrics: ServerMetrics = .disabled
    ) {
        self.clock = clock
        self.random = random
        self.logger = logger
        self.metrics = metrics
    }
}
