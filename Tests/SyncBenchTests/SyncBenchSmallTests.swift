import Foundation
import Testing

/// Runs the built `syncbench --small --json` so that the benchmark cannot rot; checks that it
/// printed every row with finite numbers, not how fast anything is.
@Suite("syncbench small mode")
struct SyncBenchSmallTests {
    /// One measurement as syncbench prints it.
    struct Measurement: Decodable {
        var row: String
        var what: String
        var value: Double
        var baseline: Double?
        var ratio: Double?
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

    @Test("syncbench --small prints every row of issue 7 with finite numbers")
    func smallModePrintsEveryRow() throws {
        let executable = Self.binaries.appendingPathComponent("syncbench")
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "\(executable.path) is missing; build the whole package first")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--small", "--json"]
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
        #expect(Set(measurements.map(\.row)) == ["1", "2", "3", "4", "5a", "5b", "6"])
        #expect(measurements.filter { $0.row == "4" }.count == 3, "one merge rate each for 1, 3 and 10 siblings")
        for measurement in measurements {
            let numbers = [measurement.value] + [measurement.baseline, measurement.ratio].compactMap { $0 }
            #expect(numbers.allSatisfy { $0.isFinite }, "row \(measurement.row) \(measurement.what): \(numbers)")
            #expect(measurement.value >= 0, "row \(measurement.row) \(measurement.what)")
        }
        let rates = measurements.filter { ["1", "3", "4"].contains($0.row) }
        #expect(rates.allSatisfy { $0.value > 0 }, "every rate is positive")
    }
}
