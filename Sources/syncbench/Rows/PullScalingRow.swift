import AsyncHTTPClient
import Foundation
import SyncModel

/// Row 2: the time to pull the last changes from a server holding few records and from one
/// holding many; the feed's cost must grow with the page, not with the database.
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

    /// Seeds a database (`database` is its file, passed as `--db`) with `held` records cloned
    /// from `templates`, starts a server on it, and times a trainer pulling the last changes in
    /// pages of the default size. With `postgres` (an empty database's URL) the seeded file is
    /// moved there by `syncserver migrate`, which keeps the sequences, and the server runs on it.
    func run(
        held: Int, templates: [Record], workload: Workload, database: String, postgres: String? = nil,
        http: HTTPClient
    ) async throws -> Outcome {
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
        let code = try server.code(cohort: Workload.cohortName, name: "trainer", trainer: true)
        try server.start()
        defer { server.stop() }
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
        guard pulled == last else { throw BenchFailure("pulled \(pulled) of the last \(last) changes") }
        let profiler = try Profiler.attach(
            to: server.pid, name: "server-pull-\(held)\(postgres == nil ? "" : "-pg")", log: directory)
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = clock.now
            for cursor in cursors {
                _ = try await api.page(since: String(cursor), limit: pageSize, token: token, gzip: false)
            }
            times.append((clock.now - start).seconds)
        }
        profiler?.stop()
        times.sort()
        return Outcome(held: held, medianSeconds: times[times.count / 2])
    }
}
