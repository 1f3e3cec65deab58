import AsyncHTTPClient
import Foundation
import NIOCore
import SyncModel

/// Row 1: response records pushed over HTTP on loopback, in batches, into an empty server (row
/// 1L: into one that already holds many).
struct IngestRow {
    /// What one ingest run measured; the server keeps running for the rows that read it.
    struct Outcome {
        /// The server, still running, holding the pushed records.
        var server: ServerUnderTest
        /// Records pushed.
        var records: Int
        /// Records per second over the whole push phase.
        var recordsPerSecond: Double
        /// The server's peak resident memory during the run, KiB.
        var serverPeakKiB: Int
        /// The participants' tokens, in the participants' order.
        var tokens: [String]
        /// Push body bytes, plain.
        var plainPushBytes: Int
        /// The same bodies gzip-compressed.
        var gzipPushBytes: Int
    }

    /// The `syncserver` executable.
    let executable: String
    /// Records per push.
    let batchSize: Int
    /// Participants pushing at the same time.
    let concurrency: Int
    /// The folder for databases and logs.
    let directory: URL

    /// Prepares a server on `database` (its `--db` argument), lets `fill` put records into the
    /// database before the server starts (row 1L: a database that already holds many), enrolls
    /// every participant, and pushes the workload; only the pushes are timed.
    func run(
        _ workload: Workload, database: String, http: HTTPClient, fill: (String) throws -> Void = { _ in }
    ) async throws -> Outcome {
        let server = ServerUnderTest(executable: executable, database: database, directory: directory)
        try server.prepare(cohort: Workload.cohortName, surveyFile: workload.surveyFile)
        try fill(database)
        let codes = try workload.cohort.participants.map {
            try server.code(cohort: Workload.cohortName, name: $0.name)
        }
        try server.start()
        let api = BenchHTTP(client: http, base: server.url)
        var enrolled: [String] = []
        for (participant, code) in zip(workload.cohort.participants, codes) {
            enrolled.append(try await api.enroll(code: code, replica: participant.replica, name: participant.name))
        }
        let tokens = enrolled
        let bodies = try workload.recordsByParticipant().map { try Workload.pushBodies($0, batchSize: batchSize) }
        var plainBytes = 0
        var gzipBytes = 0
        for var body in bodies.joined().map(\.body) {
            plainBytes += body.readableBytes
            gzipBytes += try body.compress(with: .gzip()).readableBytes
        }
        let profiler = try Profiler.attach(to: server.pid, name: "server-ingest-\(workload.records.count)", log: directory)
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func startNext() {
                guard next < bodies.count else { return }
                let participant = next
                next += 1
                group.addTask { [api, bodies, tokens] in
                    for batch in bodies[participant] {
                        try await api.push(batch.body, records: batch.count, token: tokens[participant], gzip: false)
                    }
                }
            }
            for _ in 0..<concurrency { startNext() }
            while try await group.next() != nil { startNext() }
        }
        let seconds = (clock.now - start).seconds
        profiler?.stop()
        return Outcome(
            server: server, records: workload.records.count, recordsPerSecond: Double(workload.records.count) / seconds,
            serverPeakKiB: server.peakKiB() ?? 0, tokens: tokens, plainPushBytes: plainBytes, gzipPushBytes: gzipBytes)
    }
}
