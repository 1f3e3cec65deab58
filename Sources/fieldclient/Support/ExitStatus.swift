import ArgumentParser

/// The exit codes of `fieldclient`, following BSD `sysexits.h` where one fits.
enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Success.
    case success = 0
    /// A wrong command line: unknown flag, missing argument, malformed URL, insecure URL.
    case usage = 64
    /// Invalid data: answers that fail the survey's checks, or records the server rejected.
    case invalidData = 65
    /// An unknown survey, record or household id, or an ambiguous id prefix.
    case notFound = 66
    /// The server cannot be reached or is down; every local change stays safe on the device.
    case unavailable = 69
    /// The server answered something unexpected: not a QuartierSync server, or a protocol mismatch.
    case unexpectedAnswer = 70
    /// The local store cannot be read or written: corrupted, foreign, or the disk is full.
    case storeFailure = 74
    /// Not allowed: not joined yet, a revoked device, an expired or used enrollment code, an
    /// encrypted store that is locked or got a wrong passphrase, or a role that may not do it
    /// (withdrawing another's visit, a trainer's review action).
    case unauthorized = 77

    /// The ArgumentParser exit code.
    var exitCode: ExitCode { ExitCode(rawValue) }

    /// What the code means, for `--help` and the docs.
    func meaning(_ texts: Texts) -> String {
        texts("exit.\(rawValue)")
    }

    /// The table shown in `fieldclient --help`.
    static func helpTable(_ texts: Texts) -> String {
        var lines: [String] = []
        for status in allCases {
            let code: String = String(status.rawValue).padding(toLength: 4, withPad: " ", startingAt: 0)
            lines.append("  " + code + " " + status.meaning(texts))
        }
        return lines.joined(separator: "\n")
    }
}
