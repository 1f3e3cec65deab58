import Foundation
import SyncFixtures

#if canImport(Glibc)
    import Glibc
#endif

/// The real `syncserver` binary as a subprocess on a free loopback port, against the database
/// named by `database` (its `--db` argument, so another store can be benchmarked the same way).
final class ServerUnderTest: @unchecked Sendable {
    /// The `syncserver` executable.
    let executable: String
    /// The `--db` argument.
    let database: String
    /// The folder for logs and captured output.
    let directory: URL
    /// The port while running.
    private(set) var port = 0
    /// The metrics port while running, when started with `metrics`.
    private(set) var metricsPort: Int?
    /// The running process.
    private var process: ChildProcess?

    /// The base URL while running.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Describes a server; nothing starts yet.
    init(executable: String, database: String, directory: URL) {
        self.executable = executable
        self.database = database
        self.directory = directory
    }

    /// Runs an admin command against the database and returns what it printed.
    @discardableResult
    func admin(_ arguments: [String]) throws -> String {
        let run = try ChildProcess.run(executable, arguments + ["--db", database], in: directory)
        guard run.ending.status == 0 else {
            throw BenchFailure("syncserver \(arguments.joined(separator: " ")) failed (\(run.ending.status)): \(run.error)")
        }
        return run.output
    }

    /// Creates `cohort` and publishes `surveyFile` to it.
    func prepare(cohort: String, surveyFile: String) throws {
        try admin(["cohort", "create", cohort])
        try admin(["survey", "publish", "--cohort", cohort, surveyFile])
    }

    /// A one-time enrollment code for a participant, or for a trainer when `trainer`.
    func code(cohort: String, name: String, trainer: Bool = false) throws -> String {
        let output =
            trainer
            ? try admin(["trainer", "add", "--cohort", cohort, name, "--json"])
            : try admin(["enroll", "--cohort", cohort, "--participant", name, "--json"])
        guard let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
            let code = object["code"] as? String
        else { throw BenchFailure("no enrollment code in: \(output)") }
        return code
    }

    /// Starts `syncserver serve` and waits until it accepts connections; with `metrics`, it also
    /// serves `GET /metrics` on a port of its own (``metricsPort``).
    func start(metrics: Bool = false) throws {
        port = try Loopback.freePort()
        let log = directory.appendingPathComponent("syncserver-\(port).log").path
        var arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--db", database]
        if metrics {
            let metricsPort = try Loopback.freePort()
            self.metricsPort = metricsPort
            arguments += ["--metrics-port", String(metricsPort)]
        }
        process = try ChildProcess(executable: executable, arguments: arguments, outputPath: log, errorPath: log + ".err")
        for _ in 0..<400 {
            if Loopback.isListening(port: port) { return }
            usleep(25_000)
        }
        throw BenchFailure("syncserver did not start on port \(port); see \(log).err")
    }

    /// The server's process id while running.
    var pid: pid_t? { process?.pid }

    /// The server's peak resident memory so far, in KiB.
    func peakKiB() -> Int? { process?.currentPeakKiB() }

    /// Stops the server (SIGTERM), waits, and returns its peak resident memory in KiB.
    @discardableResult
    func stop() -> Int {
        guard let process else { return 0 }
        let peak = process.currentPeakKiB() ?? 0
        process.terminate()
        let ending = process.wait()
        self.process = nil
        return max(peak, ending.peakKiB)
    }

    deinit { stop() }
}
