import Foundation
import SyncModel
@testable import fieldclient

/// A transport that forwards to another and records each call's latency, when given a recorder.
struct TimedTransport<Base: SyncTransport>: SyncTransport {
    /// The real transport.
    let base: Base
    /// Where latencies go; nil records nothing.
    let recorder: LatencyRecorder?

    /// Pushes and records the time.
    func push(_ request: PushRequest) async throws(TransportError) -> PushResponse {
        try await timed("push") { () async throws(TransportError) in try await base.push(request) }
    }

    /// Pulls and records the time.
    func changes(since cursor: String, limit: Int) async throws(TransportError) -> ChangesPage {
        try await timed("changes") { () async throws(TransportError) in try await base.changes(since: cursor, limit: limit) }
    }

    /// Lists surveys and records the time.
    func surveys() async throws(TransportError) -> [SurveyDefinition] {
        try await timed("surveys") { () async throws(TransportError) in try await base.surveys() }
    }

    private func timed<T>(_ kind: String, _ call: () async throws(TransportError) -> T) async throws(TransportError) -> T {
        let start = ContinuousClock.now
        let result = try await call()
        if let recorder {
            let elapsed = ContinuousClock.now - start
            recorder.add(kind, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return result
    }
}
