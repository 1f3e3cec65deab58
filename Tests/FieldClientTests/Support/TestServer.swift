import Foundation
import SyncFixtures
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real `syncserver` process on a loopback port it picks itself, with a cohort, the fixture survey and door list.
final class TestServer: @unchecked Sendable {
    /// The temporary folder for the database and client stores.
    let directory: URL
    /// The database: a SQLite file, or a PostgreSQL URL shared with other instances.
    let database: String
    /// The port: picked by the server at its first start (`--port 0`, read from its log), kept for restarts.
    private(set) var port: Int
    /// The environment of the server and of every admin command (e.g. SYNCSERVER_ERASURE_JOURNAL).
    let environment: [String: String]
    /// The server process, while running.
    private var process: Process?
    /// The server's own output, appended across restarts; attached to the test when it stops, so
    /// that scripts/test can show it under a failing test (and only there).
    let log: URL
    /// How much of the log is attached already.
    private var attachedBytes = 0

    /// The base URL.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Prepares the database and starts the server.
    ///
    /// `database` defaults to a new SQLite file; give a PostgreSQL URL to run on it. With
    /// `setUp: false` the database is used as it is (e.g. a second instance on a shared one);
    /// `port` reuses a port (e.g. the same address after a move).
    /// `environment` reaches the server and every admin command.
    init(
        cohort: String = "kurs", database: String? = nil, setUp: Bool = true, port: Int? = nil,
        environment: [String: String] = [:]
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fc-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.environment = environment
        self.database = database ?? directory.appendingPathComponent("server.sqlite").path
        self.port = port ?? 0
        log = directory.appendingPathComponent("syncserver.log")
        guard setUp else {
            try start()
            return
        }
        try admin(["cohort", "create", cohort])
        try admin(["survey", "publish", "--cohort", cohort, Fixtures.root.appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml").path])
        try admin(["households", "import", "--cohort", cohort, Fixtures.root.appendingPathComponent("Fixtures/households.csv").path])
        try start()
    }

    deinit { stop() }

    /// Runs an admin command against the database; throws when it fails.
    @discardableResult
    func admin(_ arguments: [String]) throws -> String {
        let result = try adminResult(arguments)
        guard result.status == 0 else {
            throw TestFailure("syncserver \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// Runs an admin command against the database with `input` on standard input, whatever its status.
    func adminResult(_ arguments: [String], input: String? = nil) throws -> ProcessResult {
        try Command.run(
            try Binaries.path("syncserver"), arguments + ["--db", database], input: input, environment: environment)
    }

    /// A one-time enrollment code for a participant, or a trainer when `trainer`.
    func code(for name: String, trainer: Bool = false, cohort: String = "kurs") throws -> String {
        let output = trainer
            ? try admin(["trainer", "add", "--cohort", cohort, name, "--json"])
            : try admin(["enroll", "--cohort", cohort, "--participant", name, "--json"])
        guard let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
            let code = object["code"] as? String
        else { throw TestFailure("no code in \(output)") }
        return code
    }

    /// Starts the server and waits until its log says it listens (on a port of its choice at the
    /// first start, then on the same port).
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Binaries.path("syncserver"))
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--db", database]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if !FileManager.default.fileExists(atPath: log.path) {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        }
        let output = try FileHandle(forWritingTo: log)
        output.seekToEndOfFile()
        process.standardOutput = output
        process.standardError = output
        let logged = output.offsetInFile
        try process.run()
        try output.close()
        self.process = process
        for _ in 0..<200 {
            let text = (try? Data(contentsOf: log))?.dropFirst(Int(logged)) ?? Data()
            if let bound = Loopback.listeningPorts(inLog: String(decoding: text, as: UTF8.self)).first,
                port == 0 || bound == port
            {
                port = bound
                return
            }
            if !process.isRunning { break }
            usleep(50_000)
        }
        throw TestFailure("syncserver did not start on port \(port)")
    }

    /// Stops the server (SIGTERM) and waits.
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
        attachLog()
    }

    /// Kills the server with SIGKILL, as a power cut or the OOM killer would, and waits until it is gone.
    func kill() {
        guard let process, process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
        attachLog()
    }

    /// Attaches the server's log so far to the running test.
    private func attachLog() {
        guard Test.current != nil, let data = try? Data(contentsOf: log), data.count > attachedBytes else { return }
        let text = String(decoding: data[attachedBytes...], as: UTF8.self)
        attachedBytes = data.count
        Attachment.record(text, named: "syncserver-\(port).log")
    }


}

/// A failure in the test harness itself.
struct TestFailure: Error, CustomStringConvertible {
    /// What failed.
    var description: String
    /// Creates a failure.
    init(_ description: String) { self.description = description }
}
