import Foundation

/// Row 7: `fieldclient export --format xlsx` (the real binary) writes a trainer's store of
/// responses as a workbook; timed against the CSV export of the same store, with its peak memory.
/// The stores are encrypted, so both exports include unlocking the store key (one scrypt).
struct XLSXExportRow {
    /// What one export measured.
    struct Outcome {
        /// Seconds of the whole `fieldclient export` run.
        var seconds: Double
        /// The client's peak resident memory, KiB.
        var peakKiB: Int
        /// Bytes of the written file.
        var bytes: Int
    }

    /// The `fieldclient` executable.
    let executable: String
    /// The folder for the exported files.
    let directory: URL

    /// Exports the responses to `survey` in the store at `store`, unlocked with `passphraseFile`, as
    /// `format` (`xlsx` or `csv`).
    func run(store: String, passphraseFile: URL, survey: String, format: String) throws -> Outcome {
        let file = directory.appendingPathComponent("export-\(UUID().uuidString).\(format)")
        defer { try? FileManager.default.removeItem(at: file) }
        let export = try ChildProcess.run(
            executable, ["export", "--format", format, "--survey", survey, "--out", file.path, "--store", store,
             "--passphrase-file", passphraseFile.path],
            in: directory)
        guard export.ending.status == 0 else { throw BenchFailure("fieldclient export --format \(format) failed: \(export.error)") }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        guard bytes > 0 else { throw BenchFailure("fieldclient export --format \(format) wrote nothing") }
        return Outcome(seconds: export.seconds, peakKiB: export.ending.peakKiB, bytes: bytes)
    }
}
