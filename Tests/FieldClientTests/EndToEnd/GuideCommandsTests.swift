import Foundation
import Testing

/// docs/ANLEITUNG.md, the participants' guide: every `fieldclient` command in its `bash` blocks
/// runs, in order, in a German terminal against a real server, and says nothing in English.
///
/// The guide's example server, code and response id are replaced by the real ones; the door ids
/// are real ids of Fixtures/households.csv. `<!-- test: input a|b -->` before a block gives the
/// lines typed into an interview; `<!-- test: conflict FIELD -->` has a trainer's device change that
/// answer of the response while this one changes it too, so that the block meets a real conflict;
/// `<!-- test: offline -->` stops the server first, and the block's commands must then fail with exit
/// status 69 (server unreachable).
@Suite("The German guide's commands are real", .serialized)
struct GuideCommandsTests {
    /// One command of the guide, with what the test does around it.
    struct Step {
        /// The words after `fieldclient`.
        var arguments: [String]
        /// Typed lines for an interview.
        var input: String?
        /// Whether the server is to be stopped before it.
        var offline: Bool
        /// The answer to put in conflict before it.
        var conflict: String? = nil
    }

    /// The guide's commands in order.
    static func steps() throws -> [Step] {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/ANLEITUNG.md"), encoding: .utf8)
        var steps: [Step] = []
        var input: String?
        var offline = false
        var conflict: String?
        var inBash = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("<!-- test: input ") {
                input = line.dropFirst("<!-- test: input ".count).replacingOccurrences(of: " -->", with: "")
                    .split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\n") + "\n"
            } else if line.hasPrefix("<!-- test: offline") {
                offline = true
            } else if line.hasPrefix("<!-- test: conflict ") {
                conflict = line.dropFirst("<!-- test: conflict ".count).replacingOccurrences(of: " -->", with: "")
            } else if line == "```bash" {
                inBash = true
            } else if line.hasPrefix("```") {
                inBash = false
            } else if inBash, line.hasPrefix("fieldclient ") {
                steps.append(
                    Step(
                        arguments: Self.words(String(line.dropFirst("fieldclient ".count))), input: input, offline: offline,
                        conflict: conflict))
                input = nil
                conflict = nil
            } else if inBash, !line.isEmpty {
                Issue.record("The guide's bash block has a line that is no fieldclient command: \(line)")
            }
        }
        return steps
    }

    /// Splits a command line into words as a shell does for plain words and "double quotes".
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == " ", !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test("Every command of docs/ANLEITUNG.md runs in a German terminal and answers in German")
    func guideCommandsRun() throws {
        let steps = try Self.steps()
        let commands = Set(steps.compactMap(\.arguments.first))
        for needed in ["join", "surveys", "households", "collect", "list", "show", "edit", "visit", "sync", "status", "conflicts", "resolve", "finalize", "review"] {
            #expect(commands.contains(needed), "the guide shows 'fieldclient \(needed)'")
        }
        let server = try TestServer()
        let terminal = GermanTerminal(store: server.directory.appendingPathComponent("anna/store.sqlite").path)
        let code = try server.code(for: "anna")
        var responseID = "1a2b3c4d"
        var stopped = false
        var heldPort: ClosedPort?
        defer { heldPort?.release() }
        for step in steps {
            if step.offline, !stopped {
                let port = server.port
                server.stop()
                // While `sync` waits between its attempts, no other test's server may start on this port.
                heldPort = try ClosedPort(port: port)
                stopped = true
            }
            if let field = step.conflict {
                // Tina, the trainer, corrects the answer while Anna changes it too; both sync.
                let tina = GermanTerminal(store: server.directory.appendingPathComponent("tina/store.sqlite").path)
                try tina.ok(["join", server.url, try server.code(for: "tina", trainer: true)])
                try terminal.ok(["sync"])
                try tina.ok(["sync"])
                try tina.ok(["edit", responseID, "--set", "\(field)=1"])
                try terminal.ok(["edit", responseID, "--set", "\(field)=4"])
                try tina.ok(["sync"])
                try terminal.ok(["sync"])
            }
            let arguments = step.arguments.map { word in
                word.replacingOccurrences(of: "https://quartier.example.org", with: server.url)
                    .replacingOccurrences(of: "K7M4-Q2PX", with: code)
                    .replacingOccurrences(of: "1a2b3c4d", with: responseID)
            }
            let result = try terminal.run(arguments, input: step.input)
            let command = "fieldclient " + arguments.joined(separator: " ")
            if stopped && arguments.first == "sync" {
                #expect(result.status == 69, "\(command): \(result.stderr)")
                #expect(result.stderr.contains("sicher auf diesem Gerät"), "\(command): \(result.stderr)")
            } else {
                #expect(result.status == 0, "\(command) exited \(result.status): \(result.stderr)")
            }
            if arguments.first == "collect", let last = result.stdout.split(separator: "\n").last,
                last.hasPrefix("Kennung der Befragung: ")
            {
                responseID = String(last.dropFirst("Kennung der Befragung: ".count).prefix(8))
            }
        }
        #expect(responseID != "1a2b3c4d", "the interview stored a response")
        #expect(terminal.englishLines() == [])
    }
}
