import Foundation

/// Debian's headless Chromium, run as a separate process with its own throw-away profile.
struct Chromium {
    /// The executable.
    let path: String

    /// Finds `chromium` (or `chromium-browser`) on PATH; nil when none is installed.
    static func find() -> Chromium? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return Chromium(path: candidate) }
            }
        }
        return nil
    }

    /// Whether the run must have Chromium: `QS_CHROMIUM=required`, which scripts/test sets.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["QS_CHROMIUM"] == "required" }

    /// Whether tests that need Chromium run: when it is installed, or when it is required (they then fail).
    static var shouldRun: Bool { find() != nil || isRequired }

    /// The installed Chromium; throws (the test fails) when it is missing.
    static func required() throws -> Chromium {
        guard let chromium = find() else {
            throw ChromiumFailure(
                "QS_CHROMIUM=required, but chromium is not installed; scripts/test installs it (apt-get install chromium).")
        }
        return chromium
    }

    /// Loads `url` headless and returns the DOM after load (`--dump-dom`); `acceptLanguage`
    /// (e.g. `de-DE`) is the browser's language, sent as `Accept-Language`.
    func dumpDOM(_ url: String, profile: URL, acceptLanguage: String = "en-US") throws -> String {
        try run(["--accept-lang=\(acceptLanguage)", "--dump-dom", url], profile: profile)
    }

    /// Loads `url` headless at `width`×`height` and saves a PNG screenshot to `file`.
    func screenshot(
        _ url: String, to file: URL, width: Int, height: Int, profile: URL, acceptLanguage: String = "en-US"
    ) throws {
        _ = try run(
            ["--accept-lang=\(acceptLanguage)", "--screenshot=\(file.path)", "--window-size=\(width),\(height)", "--hide-scrollbars", url],
            profile: profile)
    }

    /// Runs Chromium with the flags a root CI container needs; fails after 90 seconds.
    private func run(_ arguments: [String], profile: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions", "--user-data-dir=\(profile.path)",
            ] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: timer)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        timer.cancel()
        guard process.terminationStatus == 0 else {
            throw ChromiumFailure(
                "chromium \(arguments.dropFirst().first ?? "") exited \(process.terminationStatus): "
                    + String(decoding: errBox.data, as: UTF8.self).suffix(2000))
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    /// Chromium is missing or a run failed.
    struct ChromiumFailure: Error, CustomStringConvertible {
        /// What went wrong: Chromium is missing, or what it printed.
        var description: String
        /// Creates the failure.
        init(_ description: String) { self.description = description }
    }
}
