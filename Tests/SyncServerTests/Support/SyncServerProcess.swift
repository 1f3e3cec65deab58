import Foundation
import SyncFixtures

/// Runs the real built `syncserver` executable.
enum SyncServerProcess {
    /// What a run printed and returned.
    struct Output: Sendable {
        /// The exit status.
        var status: Int32
        /// Standard output.
        var stdout: String
        /// Standard error.
        var stderr: String
    }

    /// The executable: next to the test binary in the build folder.
    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for directory in candidates {
            var folder = directory
            for _ in 0..<4 {
                let url = folder.appendingPathComponent("syncserver")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }

    /// Runs `arguments` with `environment` added and waits.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Starts `syncserver serve` on `db` at a free loopback port, its output discarded; returns the
    /// process (terminate it when done) and its base URL, e.g. `http://127.0.0.1:41234`.
    static func serve(db: String) throws -> (process: Process, base: String) {
        guard let executable else { throw CocoaError(.fileNoSuchFile) }
        let port = try Loopback.freePort()
        let server = Process()
        server.executableURL = executable
        server.arguments = ["serve", "--host", "127.0.0.1", "--port", "\(port)", "--db", db]
        server.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        server.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try server.run()
        return (server, "http://127.0.0.1:\(port)")
    }
}
