import Foundation

/// Finds the built `fieldclient` and `syncserver` executables next to the test bundle.
enum Binaries {
    /// The build products folder: FIELDCLIENT_BIN_DIR, else the folder of the running test bundle.
    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["FIELDCLIENT_BIN_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var url = Bundle.main.bundleURL
        // Walk up until a folder holds both executables (the .xctest bundle may be nested).
        for _ in 0..<4 {
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("fieldclient").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// The path of executable `name`; fails loudly when it was not built.
    static func path(_ name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BinaryMissing(path: path)
        }
        return path
    }

    /// A missing executable: build the whole package first (`swift build`).
    struct BinaryMissing: Error, CustomStringConvertible {
        /// Where it was looked for.
        var path: String
        /// The message.
        var description: String { "\(path) is missing; run 'swift build' for the whole package before the tests." }
    }
}
