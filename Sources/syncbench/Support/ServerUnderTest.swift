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

    /// Starts `syncserver serve` on a port the kernel picks (`--port 0`) and waits until its log
    /// says where it listens; with `metrics`, it also serves `GET /metrics` on a port of its own
    /// (``metricsPort``).
    ///
    /// Not a port probed free beforehand: between the probe and the server's bind, another process
    /// (a proxy, a parallel test's server) can take it, and the benchmark would then talk to that
    /// process. A start that fails (the metrics port was taken after all) is tried again.
    func start(metrics: Bool = false) throws {
        var failure = ""
        for attempt in 1...3 {
            let log = directory.appendingPathComponent("syncserver-\(UInt32.random(in: 0...UInt32.max))-\(attempt).log").path
            let metricsPort = metrics ? try Loopback.freePort() : nil
            var arguments = ["serve", "--host", "127.0.0.1", "--port", "0", "--db", database]
            if let metricsPort { arguments += ["--metrics-port", String(metricsPort)] }
            let child = try ChildProcess(executable: executable, arguments: arguments, outputPath: log, errorPath: log + ".err")
            for _ in 0..<800 {
                let ports = [log, log + ".err"].flatMap {
                    Loopback.listeningPorts(inLog: (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "")
                }
                if let main = ports.first(where: { $0 != metricsPort }), metricsPort.map(ports.contains) ?? true {
                    port = main
                    self.metricsPort = metricsPort
                    process = child
                    return
                }
                if child.hasEnded() { break }
                usleep(25_000)
            }
            child.terminate()
            _ = child.wait()
            failure = ((try? String(contentsOfFile: log + ".err", encoding: .utf8)) ?? "").suffix(600).description
        }
        throw BenchFailure("syncserver did not start: \(failure)")
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
