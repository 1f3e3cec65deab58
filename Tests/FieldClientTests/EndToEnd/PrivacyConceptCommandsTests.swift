import Foundation
import Testing

/// docs/DATENSCHUTZ.md, the data protection concept: every `syncserver …` and `fieldclient …` line of its `bash`
/// blocks names a real subcommand (its `--help` works) and only options that subcommand has.
@Suite("The data protection concept's commands are real")
struct PrivacyConceptCommandsTests {
    /// One command line of the document.
    struct Line: CustomTestStringConvertible {
        /// `syncserver` or `fieldclient`.
        var tool: String
        /// The words after the tool.
        var words: [String]

        /// The subcommand path: the words before the first option or value that is not a subcommand name.
        func subcommands(known: Set<String>) -> [String] { Array(words.prefix { known.contains($0) }) }
        /// The `--option` names used.
        var options: [String] { words.filter { $0.hasPrefix("--") }.map { String($0.split(separator: "=")[0]) } }
        var testDescription: String { ([tool] + words).joined(separator: " ") }
    }

    /// The command lines in the document's bash blocks (also indented ones in lists).
    static func lines() throws -> [Line] {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/DATENSCHUTZ.md"), encoding: .utf8)
        var lines: [Line] = []
        var inBash = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line == "```bash" {
                inBash = true
            } else if line.hasPrefix("```") {
                inBash = false
            } else if inBash, !line.isEmpty {
                let words = GuideCommandsTests.words(line)
                guard let tool = words.first, ["syncserver", "fieldclient"].contains(tool) else {
                    Issue.record("A bash block of DATENSCHUTZ.md has a line that is no syncserver or fieldclient command: \(line)")
                    continue
                }
                lines.append(Line(tool: tool, words: Array(words.dropFirst())))
            }
        }
        return lines
    }

    /// Subcommand names of both tools, as their help lists them.
    static let subcommandNames: Set<String> = [
        "serve", "cohort", "create", "list", "trainer", "add", "enroll", "survey", "publish", "households", "import",
        "devices", "revoke", "backup", "epoch", "rotate", "show", "dashboard-link", "migrate", "audit", "erase", "purge",
        "join", "surveys", "collect", "edit", "visit", "sync", "status", "conflicts", "resolve", "finalize", "export",
        "report", "dashboard", "delete", "record", "restore", "encrypt", "unlock", "lock", "passphrase",
    ]

    @Test("The document shows audit, export --pseudonymize, backup and the erasure and purge commands")
    func documentShowsTheCommands() throws {
        let shown = try Self.lines().map(\.testDescription)
        for needed in [
            "syncserver audit", "fieldclient export", "--pseudonymize", "syncserver backup", "syncserver devices revoke",
            "fieldclient erase", "syncserver erase --cohort", "syncserver purge --cohort", "--deleted-before", "--all",
        ] {
            #expect(shown.contains { $0.contains(needed) }, "DATENSCHUTZ.md shows \(needed)")
        }
    }

    @Test("Every command's --help exists and lists each option the line uses")
    func commandsParse() throws {
        for line in try Self.lines() {
            let path = line.subcommands(known: Self.subcommandNames)
            let name = ([line.tool] + path).joined(separator: " ")
            #expect(!path.isEmpty, "\(line.testDescription): no subcommand")
            let help = try Command.run(
                try Binaries.path(line.tool), path + ["--help"], environment: ["LANG": "C", "FIELDCLIENT_LANG": "en"])
            #expect(help.status == 0, "\(name) --help: \(help.stderr)")
            let text = help.stdout + help.stderr
            for option in line.options {
                #expect(text.contains(option), "\(name) has no option \(option)")
            }
        }
    }
}
