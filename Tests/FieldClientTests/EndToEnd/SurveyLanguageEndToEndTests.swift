import Foundation
import SyncModel
import Testing

@testable import fieldclient

/// `fieldclient collect` in the survey's languages, driven through a pipe like an interviewer's terminal.
@Suite("fieldclient collect in several languages end to end", .serialized)
struct SurveyLanguageEndToEndTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
    }

    private func joined(_ name: String) throws -> Client {
        let client = Client(name, in: server.directory)
        try client.ok(["join", server.url, try server.code(for: name, trainer: false), "--name", "\(name)-laptop"])
        return client
    }

    /// The part of `text` after the first occurrence of `marker`.
    private func after(_ marker: String, in text: String) -> String {
        text.range(of: marker).map { String(text[$0.upperBound...]) } ?? ""
    }

    @Test("in a German locale the interview starts in German and 'lang en' switches the rest to English")
    func switchesMidInterview() throws {
        let anna = try joined("anna")
        let result = try anna.run(
            ["collect", "nachbarschaft-2026"],
            input: "25.11.2026\n\nlang\nlang en\nLess than a year\n35\nquit\n",
            environment: ["LANG": "de_DE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("[2/14] Datum des Gesprächs *"))
        // The interface speaks the locale's German; only the questionnaire switches.
        #expect(out.contains("Sprachen: de (Deutsch, aktuell), en (English)."))
        let switched = after("Sprache des Fragebogens: English (en).", in: out)
        #expect(switched.contains("How long have you lived in the neighbourhood? *"))
        #expect(switched.contains("1) Less than a year"))
        #expect(switched.contains("[5/14] Age"))
        #expect(!switched.contains("Wie lange wohnen"))
        // Answers are stored as codes, whatever the language they were given in.
        let drafts = try anna.json(["list"]) as! [[String: Any]]
        let values = try #require(drafts.first?["values"] as? [String: Any])
        #expect(values["wohndauer"] as? String == "unter_1")
        #expect(values["alter"] as? Int == 35)
    }

    @Test("an English locale starts in English; --survey-lang de overrides it", arguments: [false, true])
    func startLanguage(overridden: Bool) throws {
        let anna = try joined("anna")
        let result = try anna.run(
            ["collect", "nachbarschaft-2026"] + (overridden ? ["--survey-lang", "de"] : []), input: "quit\n",
            environment: ["LANG": "en_GB.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(overridden ? "Datum des Gesprächs" : "Date of the conversation"))
        #expect(!result.stdout.contains(overridden ? "Date of the conversation" : "Datum des Gesprächs"))
    }

    @Test("--survey-lang with a language the survey lacks is refused and names the ones it has")
    func unknownLanguage() throws {
        let anna = try joined("anna")
        let result = try anna.run(["collect", "nachbarschaft-2026", "--survey-lang", "tr"], input: "")
        #expect(result.status == ExitStatus.usage.rawValue)
        #expect(result.stderr.contains("has no language 'tr'"))
        #expect(result.stderr.contains("de (Deutsch), en (English)"))
        #expect((try anna.json(["list"]) as! [Any]).isEmpty)
    }
}
