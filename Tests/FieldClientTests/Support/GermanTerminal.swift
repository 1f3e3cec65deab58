import Foundation

/// `fieldclient` run as a participant in a German terminal would: `LANG=de_DE.UTF-8`, no
/// other locale variable, its own store.
struct GermanTerminal {
    /// The store path.
    let store: String
    /// Every run, for checking the output afterwards.
    final class Transcript: @unchecked Sendable {
        /// Command line and result, in order.
        var runs: [(arguments: [String], result: ProcessResult)] = []
    }
    /// What was run so far.
    let transcript = Transcript()

    /// The German locale's variables; the others are emptied, so that the test machine's own locale does not leak in.
    static let environment = [
        "LANG": "de_DE.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "FIELDCLIENT_LANG": "",
        "FIELDCLIENT_PASSPHRASE": Client.passphrase, "FIELDCLIENT_TEST_WEAK_KDF": "1",
    ]

    /// Runs `fieldclient` with `arguments` (the store given before the command, as people write it).
    @discardableResult
    func run(_ arguments: [String], input: String? = nil) throws -> ProcessResult {
        let result = try Command.run(
            try Binaries.path("fieldclient"), ["--store", store] + arguments, input: input, environment: Self.environment)
        transcript.runs.append((arguments, result))
        return result
    }

    /// Runs and requires exit status 0; returns standard output.
    @discardableResult
    func ok(_ arguments: [String], input: String? = nil) throws -> String {
        let result = try run(arguments, input: input)
        guard result.status == 0 else {
            throw TestFailure("fieldclient \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// The lines of human output (not `--json` runs) that read as English, with their command.
    func englishLines() -> [String] {
        transcript.runs.filter { !$0.arguments.contains("--json") }.flatMap { run in
            EnglishText.lines(in: run.result.stdout + "\n" + run.result.stderr).map {
                "fieldclient \(run.arguments.joined(separator: " ")): \($0)"
            }
        }
    }
}
