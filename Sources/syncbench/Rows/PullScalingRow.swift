import AsyncHTTPClient
import Foundation
import SyncModel

#if canImport(Glibc)
    import Glibc
#endif

/// Row 2: the time to pull the last changes from a server holding few records and from one
/// holding many, both running at once and pulled from in turn; the feed's cost must grow with
/// the page, not with the database.
struct PullScalingRow {
    /// What one server size measured.
    struct Outcome {
        /// Records the server held.
        var held: Int
        /// Median seconds to pull the last `last` changes.
        var medianSeconds: Double
    }

    /// The `syncserver` executable.
    let executable: String
    /// The folder for databases and logs.
    let directory: URL
    /// How many of the newest changes are pulled.
    let last: Int
    /// How often the pull is repeated; the median is reported.
    let repeats: Int

    /// A seeded server, started, with a trainer enrolled and the pages' cursors known.
    struct Prepared {
        /// Records the server holds.
        var held: Int
        /// The running server; stop it when done.
        var server: ServerUnderTest
        /// The client for its API.
        var api: BenchHTTP
        /// The trainer's token.
        var token: String
        /// The cursors of the pages that hold the last changes.
        var cursors: [Int]
        /// The page size.
        var pageSize: Int
    }

    /// Seeds a database (`database` is its file, passed as `--db`) with `held` records cloned
    /// from `templates`, starts a server on it and pulls the last changes once. With `postgres`
    /// (an empty database's URL) the seeded file is moved there by `syncserver migrate`, which
    /// keeps the sequences, and the server runs on it. Dirty pages are flushed to disk before
    /// the server starts, so that the kernel's writeback of the seeding does not run during the
    /// measurement.
    func prepare(
        held: Int, templates: [Record], workload: Workload, database: String, postgres: String? = nil,
        http: HTTPClient
    ) async throws -> Prepared {
        let seeded = ServerUnderTest(executable: executable, database: database, directory: directory)
        try seeded.prepare(cohort: Workload.cohortName, surveyFile: workload.surveyFile)
        try SQLiteSeeder(path: database).seed(count: held, templates: templates)
        var server = seeded
        if let postgres {
            let migrate = try ChildProcess.run(
                executable, ["migrate", "--from", "sqlite:" + database, "--to", postgres], in: directory)
            guard migrate.ending.status == 0 else { throw BenchFailure("syncserver migrate failed: \(migrate.error)") }
            server = ServerUnderTest(executable: executable, database: postgres, directory: directory)
        }
        sync()
        let code = try server.code(cohort: Workload.cohortName, name: "trainer", trainer: true)
        try server.start()
        let api = BenchHTTP(client: http, base: server.url)
        let token = try await api.enroll(code: code, replica: ReplicaID.makeRandom(), name: "trainer")
        let pageSize = min(last, SyncProtocol.defaultPageSize)
        // The pages' cursors are known: the seeded sequences are 1…held.
        let cursors = stride(from: held - last, to: held, by: pageSize).map { $0 }
        var pulled = 0
        for cursor in cursors {
            let page = try await api.page(since: String(cursor), limit: pageSize, token: token, gzip: false)
            pulled += try JSONDecoder().decode(ChangesPage.self, from: Data(page.body.readableBytesView)).records.count
        }
        guard pulled == last else {
            server.stop()
            throw BenchFailure("pulled \(pulled) of the last \(last) changes")
        }
        return Prepared(held: held, server: server, api: api, token: token, cursors: cursors, pageSize: pageSize)
    }

    /// Times pulling the last changes from both servers `repeats` times, alternating which
    /// goes first, so that both see the same moments of a noisy machine; returns the medians.
    func measure(_ few: Prepared, _ many: Prepared) async throws -> (few: Outcome, many: Outcome) {
        let profiler = try Profiler.attach(to: many.server.pid, name: "server-pull-\(many.held)", log: directory)
        let clock = ContinuousClock()
        var times: [[Double]] = [[], []]
        for round in 0..<repeats {
            let order = round % 2 == 0 ? [0, 1] : [1, 0]
            for index in order {
                let target = index == 0 ? few : many
                let start = clock.now
                for cursor in target.cursors {
                    _ = try await target.api.page(
                        since: String(cursor), limit: target.pageSize, token: target.token, gzip: false)
                }
                times[index].append((clock.now - start).seconds)
            }
        }
        profiler?.stop()
        let medians = times.map { $0.sorted()[$0.count / 2] }
        return (Outcome(held: few.held, medianSeconds: medians[0]), Outcome(held: many.held, medianSeconds: medians[1]))
    }
}
