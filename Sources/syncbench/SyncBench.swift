import ArgumentParser
import AsyncHTTPClient
import Foundation
import SyncModel

/// `syncbench`: the cost of sync side by side with raw SQLite, and how it grows (issue 7).
///
/// Every row is measured in the same run as its baseline. The servers under test are the real
/// `syncserver` binaries next to this one, started as subprocesses so that their peak memory is
/// their own; the initial sync is the real `fieldclient` binary.
@main
struct SyncBench: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "syncbench",
        abstract: "Benchmarks QuartierSync against plain SQLite and prints the table of BENCHMARKS.md.",
        discussion: """
            Run it from a release build: swift run -c release syncbench. It uses the syncserver and \
            fieldclient executables of the same build folder, a temporary work folder (about 1 GB \
            for the 1,000,000-record database) and 3-5 minutes, plus a few for preparing row 10's 200 \
            devices (10,000 fieldclient record runs). --small runs tiny sizes in seconds, \
            which the test suite does so that the benchmark keeps working. With --postgres (or \
            SYNCBENCH_POSTGRES_URL) rows 1 and 2 also run on PostgreSQL, in fresh databases that \
            syncbench creates and drops with psql.
            """)

    /// Records pushed in row 1 and pulled in row 3.
    @Option(help: "Response records pushed in row 1 and pulled by the new trainer in row 3.")
    var records: Int?

    /// Records per push.
    @Option(help: "Records per push in row 1 (1 to \(SyncProtocol.maximumPushRecords)).")
    var batchSize: Int?

    /// Participants pushing at once.
    @Option(help: "Participants pushing at the same time in row 1.")
    var concurrency = 4

    /// The sizes of the two servers of row 2.
    @Option(help: "Records held by the small and the large server of row 2, e.g. 10000,1000000.")
    var pullSizes: String?

    /// How many changes row 2 pulls.
    @Option(help: "How many of the newest changes row 2 pulls.")
    var pullLast: Int?

    /// Repetitions of row 2.
    @Option(help: "How often row 2 pulls; the median is reported.")
    var repeats: Int?

    /// Tiny sizes.
    @Flag(help: "Tiny sizes (a few hundred records), for the test suite: checks that every row runs, not speed.")
    var small = false

    /// JSON output.
    @Flag(help: "Print the measurements as JSON instead of the table.")
    var json = false

    /// The PostgreSQL server for the PostgreSQL rows.
    @Option(
        help: ArgumentHelp(
            "Also run rows 1 and 2 on PostgreSQL: a server URL whose user may create databases, e.g. "
                + "postgres://postgres@127.0.0.1:5432/postgres (default: $SYNCBENCH_POSTGRES_URL). Needs psql.",
            valueName: "url"))
    var postgres: String?

    /// `--postgres`, or else `SYNCBENCH_POSTGRES_URL` when set.
    var postgresURL: String? {
        if let postgres { return postgres }
        guard let value = ProcessInfo.processInfo.environment["SYNCBENCH_POSTGRES_URL"], !value.isEmpty else { return nil }
        return value
    }

    /// The work folder.
    @Option(help: "The folder for databases and logs (default: a new temporary folder, removed afterwards).")
    var workDir: String?

    /// The sizes this run uses.
    var plan: BenchPlan {
        var plan = small ? BenchPlan.small : BenchPlan.full
        if let records { plan.records = records }
        if let batchSize { plan.batchSize = batchSize }
        if let pullLast { plan.pullLast = pullLast }
        if let repeats { plan.repeats = repeats }
        if let sizes = pullSizes?.split(separator: ",").compactMap({ Int($0) }), sizes.count == 2 {
            plan.pullSizes = (sizes[0], sizes[1])
        }
        plan.concurrency = concurrency
        return plan
    }

    /// Checks the options.
    func validate() throws {
        if let records, records < 100 { throw ValidationError("--records must be at least 100.") }
        if let batchSize, !(1...SyncProtocol.maximumPushRecords).contains(batchSize) {
            throw ValidationError("--batch-size must be between 1 and \(SyncProtocol.maximumPushRecords).")
        }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1.") }
        if let pullSizes {
            let sizes = pullSizes.split(separator: ",").compactMap { Int($0) }
            guard sizes.count == 2, sizes[0] >= 1, sizes[1] >= 1 else {
                throw ValidationError("--pull-sizes takes two record counts, e.g. 10000,1000000.")
            }
        }
        let plan = self.plan
        guard plan.pullLast >= 1, plan.pullLast <= min(plan.pullSizes.small, plan.pullSizes.large) else {
            throw ValidationError("--pull-last must be between 1 and the smaller of --pull-sizes.")
        }
        if let repeats, repeats < 1 { throw ValidationError("--repeats must be at least 1.") }
        if let url = postgresURL {
            let scheme = URLComponents(string: url)?.scheme
            guard scheme == "postgres" || scheme == "postgresql", URLComponents(string: url)?.host?.isEmpty == false else {
                throw ValidationError(
                    "--postgres (or SYNCBENCH_POSTGRES_URL) must be a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/postgres.")
            }
        }
    }

    /// Runs every row and prints the table.
    func run() async throws {
        let environment = try BenchEnvironment(workDir: workDir)
        defer { environment.cleanUp() }
        let runner = BenchRunner(plan: plan, environment: environment, progress: !json, postgres: postgresURL)
        let measurements = try await runner.run()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(measurements), as: UTF8.self))
        } else {
            print(BenchTable.render(measurements, plan: plan))
        }
    }
}
