import Foundation
import Testing

/// Runs the built `syncbench --small --json` so that the benchmark cannot rot; checks that it
/// printed every row with finite numbers, not how fast anything is. With `QS_POSTGRES_URL` set
/// (scripts/test starts a throwaway server) the run includes the PostgreSQL rows of issue 8.
@Suite("syncbench small mode")
struct SyncBenchSmallTests {
    /// One measurement as syncbench prints it.
    struct Measurement: Decodable {
        var row: String
        var what: String
        var value: Double
        var baseline: Double?
        var ratio: Double?
        var met: Bool?
        var unit: String
        var goal: String?
    }

    /// The build products folder that holds syncbench, syncserver and fieldclient.
    static var binaries: URL {
        var url = Bundle.main.bundleURL
        for _ in 0..<4 {
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("syncbench").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The throwaway PostgreSQL server of scripts/test, when there is one.
    static var postgres: String? {
        guard let value = ProcessInfo.processInfo.environment["QS_POSTGRES_URL"], !value.isEmpty else { return nil }
        return value
    }

    /// The databases named like syncbench's on the PostgreSQL server, read with psql.
    static func syncbenchDatabases(on url: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-X", "-At", "-c", "SELECT datname FROM pg_database WHERE datname LIKE 'syncbench\\_%'"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "psql could not list the databases")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("syncbench --small prints every row of issues 7, 8, 15 and 19 with finite numbers")
    func smallModePrintsEveryRow() throws {
        let executable = Self.binaries.appendingPathComponent("syncbench")
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "\(executable.path) is missing; build the whole package first")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--small", "--json"] + (Self.postgres.map { ["--postgres", $0] } ?? [])
        let databasesBefore = try Self.postgres.map(Self.syncbenchDatabases) ?? []
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "syncbench failed: \(stderr)")

        let measurements = try JSONDecoder().decode([Measurement].self, from: data)
        let postgresRows: Set<String> = Self.postgres == nil ? [] : ["1 (PostgreSQL)", "2 (PostgreSQL)"]
        #expect(
            Set(measurements.map(\.row))
                == Set(["1", "1L", "2", "3", "3e", "4", "5a", "5b", "6", "7", "8", "8m", "9", "10"]).union(postgresRows))
        if let postgres = Self.postgres {
            #expect(try Self.syncbenchDatabases(on: postgres) == databasesBefore, "syncbench dropped its databases")
        }
        #expect(measurements.filter { $0.row == "4" }.count == 3, "one merge rate each for 1, 3 and 10 siblings")
        let xlsx = measurements.filter { $0.row == "7" }
        #expect(xlsx.count == 2, "row 7: the XLSX export's time and its peak memory")
        #expect(xlsx.allSatisfy { $0.value > 0 && ($0.baseline ?? 0) > 0 }, "row 7: \(xlsx.map(\.value))")
        for row in ["8", "8m"] {
            let commands = measurements.filter { $0.row == row }
            #expect(commands.count == 4, "row \(row): status, list, report and the CSV export")
            #expect(commands.allSatisfy { $0.value > 0 && ($0.baseline ?? 0) > 0 }, "row \(row): \(commands.map(\.value))")
        }
        // Row 9 over the throttling proxy: time against the ideal and bytes for both scenarios, and
        // the participant's records sent again; its first connection was cut and the sync resumed.
        let link = measurements.filter { $0.row == "9" }
        #expect(link.count == 5, "row 9: \(link.map(\.what))")
        #expect(link.filter { $0.unit == "s" }.allSatisfy { $0.value > 0 && ($0.baseline ?? 0) > 0 })
        #expect(link.contains { $0.what.contains("bytes on the link") && $0.what.contains("1 cut") })
        // Row 10: real fieldclient devices syncing at once: throughput beside ODK Central's 50/s, the
        // clients' push latencies p50 ≤ p95 ≤ p99 (one per push, so some pushes were timed), failures.
        let load = measurements.filter { $0.row == "10" }
        #expect(load.count == 5, "row 10: \(load.map(\.what))")
        let throughput = load.first { $0.unit == "records/s" }
        #expect((throughput?.value ?? 0) > 0 && throughput?.baseline == 50, "row 10: \(String(describing: throughput))")
        let percentiles = load.filter { $0.what.hasPrefix("push latency") }.map(\.value)
        #expect(percentiles.count == 3 && percentiles == percentiles.sorted() && percentiles.allSatisfy { $0 > 0 }, "row 10: \(percentiles)")
        #expect(load.contains { $0.unit == "failures" && $0.goal?.hasPrefix("0") == true }, "row 10 counts failures against a goal of 0")
        for measurement in measurements {
            let numbers = [measurement.value] + [measurement.baseline, measurement.ratio].compactMap { $0 }
            #expect(numbers.allSatisfy { $0.isFinite }, "row \(measurement.row) \(measurement.what): \(numbers)")
            #expect(measurement.value >= 0, "row \(measurement.row) \(measurement.what)")
        }
        let rates = measurements.filter { ["1", "1 (PostgreSQL)", "3", "3e", "4"].contains($0.row) }
        #expect(rates.allSatisfy { $0.value > 0 }, "every rate is positive")
        // A count, not a time: a device never pulls back the states its own push stored.
        let redownload = measurements.first { $0.row == "5b" && $0.what.hasPrefix("records a device pulls back") }
        #expect(redownload?.value == 0 && redownload?.met == true, "row 5b re-download: \(String(describing: redownload))")
    }
}
