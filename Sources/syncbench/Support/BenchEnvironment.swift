import Foundation

/// Where the benchmark finds its executables and fixture, and where it writes.
struct BenchEnvironment: Sendable {
    /// The folder of this executable, which also holds `syncserver` and `fieldclient`.
    let binaries: URL
    /// The fixture survey.
    let surveyFile: String
    /// The work folder.
    let directory: URL
    /// Whether the work folder is removed at the end.
    let removeAtEnd: Bool

    /// Finds the executables and the fixture, and creates the work folder.
    init(workDir: String?) throws {
        binaries = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for name in ["syncserver", "fieldclient"] {
            let path = binaries.appendingPathComponent(name).path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw BenchFailure("\(path) is missing: build the whole package (swift build -c release) first.")
            }
        }
        let candidates = [
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent(),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        ].map { $0.appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml").path }
        guard let survey = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw BenchFailure("Fixtures/nachbarschaftsbefragung.yaml not found; run syncbench from the package folder.")
        }
        surveyFile = survey
        if let workDir {
            directory = URL(fileURLWithPath: workDir)
            removeAtEnd = false
        } else {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("syncbench-\(UUID().uuidString.prefix(8))")
            removeAtEnd = true
        }
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// The path of executable `name`.
    func executable(_ name: String) -> String { binaries.appendingPathComponent(name).path }

    /// A path in the work folder.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Removes the work folder when it was temporary.
    func cleanUp() {
        if removeAtEnd { try? FileManager.default.removeItem(at: directory) }
    }
}
