import Foundation
import SyncFixtures
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@testable import SyncServer

@Suite("syncserver serve through the real executable")
struct ServeCommandTests {
    @Test("It serves on the configured port from the environment and stops cleanly on SIGTERM")
    func serveAndStop() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        let port = try Loopback.freePort()
        let executable = try #require(SyncServerProcess.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["SYNCSERVER_DB": db, "SYNCSERVER_PORT": "\(port)", "SYNCSERVER_HOST": "127.0.0.1"]) { $1 }
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        var healthy = false
        for _ in 0..<100 where !healthy {
            try await Task.sleep(for: .milliseconds(200))
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/health")!)
            request.timeoutInterval = 2
            if let (_, response) = try? await URLSession.shared.data(for: request),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                healthy = true
            }
        }
        #expect(healthy)
        var unversioned = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/sync/changes")!)
        unversioned.timeoutInterval = 5
        let (body, response) = try await URLSession.shared.data(for: unversioned)
        #expect((response as? HTTPURLResponse)?.statusCode == 400)
        #expect(String(decoding: body, as: UTF8.self).contains("unsupportedProtocol"))
        process.terminate()
        process.waitUntilExit()
        let output = String(decoding: log.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(output)")
        #expect(output.contains("database closed"))
        let walSize = (try? FileManager.default.attributesOfItem(atPath: db + "-wal")[.size] as? NSNumber)?.intValue ?? 0
        #expect(walSize == 0, "a clean close checkpoints the WAL")
    }
}
