import Foundation

/// Row 8: what a trainer's everyday commands cost on a large store: `fieldclient status`, `list`,
/// `report` and `export --format csv` (the real binary), each timed with its peak memory.
///
/// The store is unlocked once with `fieldclient unlock`, as a trainer does in the morning, so the
/// commands take the key from the kernel keyring instead of running scrypt each (where there is no
/// keyring they fall back to the passphrase file, and the times include one scrypt each).
struct TrainerCommandsRow {
    /// What one command measured.
    struct Outcome: Sendable {
        /// The command, e.g. `status`.
        var command: String
        /// Seconds of the whole run.
        var seconds: Double
        /// Peak resident memory, KiB.
        var peakKiB: Int
    }

    /// The `fieldclient` executable.
    let executable: String
    /// The folder for output files.
    let directory: URL

    /// The commands measured, by name.
    static let commands = ["status", "list", "report", "export csv"]

    /// Unlocks the store at `store`, runs every command of ``commands`` on it, and locks it again.
    func run(store: String, passphraseFile: URL, survey: String) throws -> [Outcome] {
        let common = ["--store", store, "--passphrase-file", passphraseFile.path]
        let unlock = try ChildProcess.run(executable, ["unlock", "--for", "1h"] + common, in: directory)
        guard unlock.ending.status == 0 else { throw BenchFailure("fieldclient unlock failed: \(unlock.error)") }
        defer { _ = try? ChildProcess.run(executable, ["lock", "--store", store], in: directory) }
        let file = directory.appendingPathComponent("trainer-export-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let arguments: [String: [String]] = [
            "status": ["status"], "list": ["list"], "report": ["report"],
            "export csv": ["export", "--format", "csv", "--survey", survey, "--out", file.path],
        ]
        return try Self.commands.map { command in
            let run = try ChildProcess.run(executable, arguments[command]! + common, in: directory)
            guard run.ending.status == 0 else { throw BenchFailure("fieldclient \(command) failed: \(run.error.prefix(300))") }
            return Outcome(command: command, seconds: run.seconds, peakKiB: run.ending.peakKiB)
        }
    }
}
