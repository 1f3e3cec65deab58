import AsyncHTTPClient
import Foundation
import NIOCore

/// Row 9: the real `fieldclient` over a bad phone link (`ThrottlingProxy` with `LinkProfile`),
/// against the real server: the time against the link's ideal, the bytes, and how many records
/// were sent more than once.
struct BadLinkRow {
    /// What one scenario measured.
    struct Outcome: Sendable {
        /// Seconds of the shaped commands together.
        var seconds: Double
        /// The link's best time for the same bytes, exchanges and connections.
        var idealSeconds: Double
        /// What crossed the link.
        var statistics: LinkStatistics
        /// Records the server received more often than the client changed them (0 when no push
        /// was sent twice); nil for a scenario without pushes.
        var resent: Int?
        /// Records the scenario pushed or pulled.
        var records: Int
    }

    /// The `fieldclient` executable.
    let fieldclient: String
    /// The folder for stores and files.
    let directory: URL
    /// The link.
    let profile: LinkProfile
    /// For scraping the server's metrics.
    let http: HTTPClient

    /// Runs `fieldclient` with `arguments` to its end; a failure throws with what it printed.
    @discardableResult
    private func client(_ arguments: [String]) throws -> (output: String, seconds: Double) {
        let run = try ChildProcess.run(fieldclient, arguments, in: directory)
        guard run.ending.status == 0 else {
            throw BenchFailure("fieldclient \(arguments.first ?? "") failed (\(run.ending.status)): \(run.error.prefix(400))")
        }
        return (run.output, run.seconds)
    }

    /// The ids of the doors in the store at `store`.
    private func doors(store: String) throws -> [String] {
        let output = try client(["households", "--json", "--store", store]).output
        guard let doors = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]] else {
            throw BenchFailure("fieldclient households printed no list")
        }
        return doors.compactMap { $0["id"] as? String }
    }

    /// A participant's day: a colleague has visited `visits` other doors; the participant records
    /// `interviews` interviews and visits `visits` doors in `rounds` rounds, syncing after each
    /// over the link (pushing hers, pulling the colleague's). `server` runs with metrics, holds the
    /// cohort `cohort` with the survey and at least `2 * visits` doors.
    func participantDay(
        server: ServerUnderTest, cohort: String, survey: String, interviews: Int, visits: Int, rounds: Int
    ) async throws -> Outcome {
        let proxy = try await ThrottlingProxy(targetPort: server.port, profile: profile)
        defer { Task { await proxy.close() } }
        let store = directory.appendingPathComponent("link-day.sqlite").path
        let colleague = directory.appendingPathComponent("link-colleague.sqlite").path
        try client(["join", proxy.url, try server.code(cohort: cohort, name: "tag"), "--name", "tag", "--store", store, "--no-encryption"])
        try client([
            "join", server.url, try server.code(cohort: cohort, name: "kollegin"), "--name", "kollegin", "--store", colleague,
            "--no-encryption",
        ])
        let all = try doors(store: colleague)
        guard all.count >= 2 * visits else { throw BenchFailure("the door list has \(all.count) doors, \(2 * visits) needed") }
        for door in all.suffix(visits) { try client(["visit", door, "--outcome", "not-home", "--store", colleague]) }
        try client(["sync", "--store", colleague])
        let answers = directory.appendingPathComponent("link-answers.json")
        try Data(
            #"{"datum": "2026-11-25", "wohndauer": "jahre_1_5", "haushalt": 3, "kinder": 1, "gefaellt": "Die Nachbarn", "probleme": ["verkehr"], "mitmachen": "nein"}"#
                .utf8
        ).write(to: answers)
        let mine = Array(all.prefix(visits))
        let pushedBefore = try await pushedRecords(server)
        proxy.resetStatistics()
        proxy.isShaping = true
        var seconds = 0.0
        for round in 0..<rounds {
            for _ in stride(from: round, to: interviews, by: rounds) {
                try client(["record", survey, "--answers", answers.path, "--finalize", "--store", store])
            }
            for door in stride(from: round, to: visits, by: rounds).map({ mine[$0] }) {
                try client(["visit", door, "--outcome", "interviewed", "--store", store])
            }
            seconds += try client(["sync", "--store", store]).seconds
        }
        proxy.isShaping = false
        let statistics = proxy.statistics
        let pushed = try await pushedRecords(server) - pushedBefore
        return Outcome(
            seconds: seconds,
            idealSeconds: profile.idealSeconds(
                bytes: statistics.bytes, exchanges: statistics.exchanges, connections: statistics.connections),
            statistics: statistics, resent: pushed - (interviews + visits), records: interviews + visits)
    }

    /// A new trainer's initial sync over the link: `fieldclient join` (enrollment, surveys, the
    /// whole cohort of `server`, which holds `records` responses) into an encrypted store.
    func trainerInitialSync(server: ServerUnderTest, cohort: String, records: Int) async throws -> Outcome {
        let proxy = try await ThrottlingProxy(targetPort: server.port, profile: profile)
        defer { Task { await proxy.close() } }
        let store = directory.appendingPathComponent("link-trainer.sqlite").path
        let passphrase = directory.appendingPathComponent("link-trainer.passphrase")
        try Data("syncbench passphrase link-trainer\n".utf8).write(to: passphrase)
        let code = try server.code(cohort: cohort, name: "link-trainer", trainer: true)
        proxy.resetStatistics()
        proxy.isShaping = true
        var run = try client([
            "join", proxy.url, code, "--name", "link-trainer", "--store", store, "--passphrase-file", passphrase.path, "--json",
        ])
        guard let summary = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any],
            var pulled = summary["records"] as? Int
        else { throw BenchFailure("fieldclient join printed no summary: \(run.output.prefix(300))") }
        if pulled < records {
            // The join's own retries gave up: the trainer syncs again, and it resumes.
            let again = try client(["sync", "--json", "--store", store, "--passphrase-file", passphrase.path])
            run.seconds += again.seconds
            let report = try JSONSerialization.jsonObject(with: Data(again.output.utf8)) as? [String: Any]
            pulled += report?["pulled"] as? Int ?? 0
        }
        proxy.isShaping = false
        guard pulled >= records else { throw BenchFailure("the trainer pulled \(pulled) of \(records) records over the link") }
        let statistics = proxy.statistics
        return Outcome(
            seconds: run.seconds,
            idealSeconds: profile.idealSeconds(
                bytes: statistics.bytes, exchanges: statistics.exchanges, connections: statistics.connections),
            statistics: statistics, resent: nil, records: pulled)
    }

    /// `syncserver_records_pushed_total` of `server`, from its metrics port.
    private func pushedRecords(_ server: ServerUnderTest) async throws -> Int {
        guard let port = server.metricsPort else { throw BenchFailure("the server runs without --metrics-port") }
        let response = try await http.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics"), timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 16 * 1024 * 1024))
        for line in text.split(separator: "\n") where line.hasPrefix("syncserver_records_pushed_total ") {
            if let value = Double(line.split(separator: " ").last ?? "") { return Int(value) }
        }
        throw BenchFailure("the server's metrics have no syncserver_records_pushed_total")
    }
}
