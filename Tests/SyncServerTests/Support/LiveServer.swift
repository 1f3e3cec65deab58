import Foundation
import SyncFixtures
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real `syncserver serve` process on a free loopback port, on the database `db`.
final class LiveServer: @unchecked Sendable {
    /// The port.
    let port: Int
    /// The process.
    private let process: Process
    /// Where the server's log goes.
    let logFile: URL

    /// The base URL.
    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Starts `syncserver serve --db db` and waits until it answers `/health`.
    init(db: String) async throws {
        let executable = try #require(SyncServerProcess.executable)
        port = try Loopback.freePort()
        logFile = FileManager.default.temporaryDirectory.appendingPathComponent("syncserver-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--db", db, "--log-level", "warning"]
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let client = LiveClient(base: url)
        for _ in 0..<150 {
            if (try? await client.health()) == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        stop()
        throw LiveTestFailure("syncserver did not answer on port \(port): \(self.log())")
    }

    deinit { stop() }

    /// The server's output so far.
    func log() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// Stops the server (SIGTERM) and waits.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: logFile)
    }

}

/// A failure of the test machinery itself.
struct LiveTestFailure: Error, CustomStringConvertible {
    /// What failed.
    var description: String
    /// Creates a failure.
    init(_ description: String) { self.description = description }
}
