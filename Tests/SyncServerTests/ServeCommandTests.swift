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

    @Test("--trusted-proxy takes IP addresses and refuses anything else with a message", arguments: [
        (["--trusted-proxy", "127.0.0.1"], true), (["--trusted-proxy", "::1", "--trusted-proxy", "10.0.0.2"], true),
        (["--trusted-proxy", "proxy.example.org"], false), (["--trusted-proxy", "127.0.0.1; drop"], false),
    ])
    func trustedProxyValidation(arguments: [String], valid: Bool) {
        do {
            let command = try ServeCommand.parse(arguments)
            #expect(valid)
            #expect(command.trustedProxies == arguments.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
        } catch {
            #expect(!valid)
            #expect(ServeCommand.message(for: error).contains("is not an IP address"))
        }
    }
    @Test("--metrics-port serves GET /metrics on its own port; the public port has no /metrics")
    func metricsPort() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = try Loopback.freePort()
        let metricsPort = try Loopback.freePort()
        let executable = try #require(SyncServerProcess.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "serve", "--db", directory.appendingPathComponent("sync.sqlite").path, "--port", "\(port)",
            "--metrics-port", "\(metricsPort)",
        ]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        func get(_ url: String) async -> (status: Int, text: String)? {
            var request = URLRequest(url: URL(string: url)!)
            request.timeoutInterval = 2
            guard let (body, response) = try? await URLSession.shared.data(for: request) else { return nil }
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: body, as: UTF8.self))
        }
        var scrape: (status: Int, text: String)?
        for _ in 0..<100 where scrape == nil {
            try await Task.sleep(for: .milliseconds(200))
            if await get("http://127.0.0.1:\(port)/health")?.status == 200 {
                scrape = await get("http://127.0.0.1:\(metricsPort)/metrics")
            }
        }
        #expect(scrape?.status == 200)
        #expect(scrape?.text.contains("syncserver_http_requests_total{route=\"/health\",method=\"GET\",status=\"200\"}") == true)
        #expect(await get("http://127.0.0.1:\(port)/metrics")?.status == 404)
    }

    @Test("--metrics-port takes a port from 1 to 65535 other than --port, and says so otherwise", arguments: [
        (["--metrics-port", "9464"], true), (["--port", "8080", "--metrics-port", "8080"], false),
        (["--metrics-port", "0"], false), (["--metrics-port", "70000"], false),
    ])
    func metricsPortValidation(arguments: [String], valid: Bool) {
        do {
            let command = try ServeCommand.parse(arguments)
            #expect(valid)
            #expect(command.resolvedMetricsPort == 9464)
        } catch {
            #expect(!valid)
            #expect(ServeCommand.message(for: error).contains("--metrics-port"))
        }
    }
}
