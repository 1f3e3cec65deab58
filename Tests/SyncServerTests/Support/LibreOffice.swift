import Foundation

/// Debian's headless LibreOffice (`soffice`), converting files as a spreadsheet user's "Save as" would.
struct LibreOffice {
    /// The executable.
    let path: String

    /// Finds `soffice` on PATH; nil when LibreOffice is not installed.
    static func find() -> LibreOffice? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/soffice") {
            return LibreOffice(path: "\(directory)/soffice")
        }
        return nil
    }

    /// Whether the run must have LibreOffice: `QS_SPREADSHEETS=required`, which scripts/test sets.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["QS_SPREADSHEETS"] == "required" }

    /// Whether tests that need LibreOffice run: when it is installed, or when it is required (they then fail).
    static var shouldRun: Bool { find() != nil || isRequired }

    /// The installed LibreOffice; records an issue (the test fails) when it is missing.
    static func required() throws -> LibreOffice {
        guard let office = find() else {
            throw Failure("QS_SPREADSHEETS=required, but LibreOffice is not installed; scripts/test installs it (apt-get install libreoffice-calc-nogui).")
        }
        return office
    }

    /// Converts `file` to `format` (e.g. `xlsx`) into `directory`, reading CSV with `csvFilter`
    /// (e.g. `CSV:59,34,1` for `;`-separated Windows-1252); returns the new file.
    func convert(_ file: URL, to format: String, in directory: URL, csvFilter: String? = nil) throws -> URL {
        let profile = directory.appendingPathComponent("lo-profile-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments =
            ["--headless", "--norestore", "-env:UserInstallation=file://\(profile.path)"]
            + (csvFilter.map { ["--infilter=\($0)"] } ?? []) + ["--convert-to", format, "--outdir", directory.path, file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = directory.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + format)
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: result.path) else {
            throw Failure("soffice exited \(process.terminationStatus): \(String(decoding: printed, as: UTF8.self).suffix(1000))")
        }
        return result
    }

    /// A failed LibreOffice run.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        var description: String
        /// Creates the failure.
        init(_ description: String) { self.description = description }
    }
}
