import Foundation

/// Row 3: a new trainer's `fieldclient` (the real binary: its SyncEngine and LocalStore) pulls
/// the whole cohort from a running server.
struct InitialSyncRow {
    /// What one initial sync measured.
    struct Outcome {
        /// Records pulled, as the client reported.
        var pulled: Int
        /// Records per second of the `fieldclient sync` run.
        var recordsPerSecond: Double
        /// The client's peak resident memory, KiB.
        var clientPeakKiB: Int
    }

    /// The `fieldclient` executable.
    let executable: String
    /// The folder for the client's store and output.
    let directory: URL

    /// The passphrase file of the encrypted store `name`, written by `run(server:name:encrypted:)`.
    func passphraseFile(name: String) -> URL {
        directory.appendingPathComponent("\(name).passphrase")
    }

    /// Times `fieldclient join` of a new trainer device on `server`: it enrolls, fetches the
    /// surveys and pulls every record of the cohort into a new local store, encrypted (with a
    /// passphrase file, at the standard scrypt cost) or plain (`--no-encryption`).
    func run(server: ServerUnderTest, name: String, encrypted: Bool = true) throws -> Outcome {
        let code = try server.code(cohort: Workload.cohortName, name: name, trainer: true)
        let store = directory.appendingPathComponent("\(name).sqlite").path
        var command = [executable, "join", server.url, code, "--name", name, "--store", store, "--json"]
        if encrypted {
            let passphrase = passphraseFile(name: name)
            try Data("syncbench passphrase \(name)\n".utf8).write(to: passphrase)
            command += ["--passphrase-file", passphrase.path]
        } else {
            command.append("--no-encryption")
        }
        if let profiles = Profiler.directory {
            command = [Profiler.perf] + Profiler.recordArguments("client-\(name)", in: profiles) + ["--"] + command
        }
        let sync = try ChildProcess.run(command[0], Array(command.dropFirst()), in: directory)
        guard sync.ending.status == 0 else { throw BenchFailure("fieldclient join failed: \(sync.error)") }
        guard let report = try JSONSerialization.jsonObject(with: Data(sync.output.utf8)) as? [String: Any],
            let pulled = report["records"] as? Int
        else { throw BenchFailure("fieldclient join printed no summary: \(sync.output.prefix(300))") }
        return Outcome(
            pulled: pulled, recordsPerSecond: Double(pulled) / sync.seconds, clientPeakKiB: sync.ending.peakKiB)
    }
}
