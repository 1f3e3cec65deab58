import Foundation
import Testing

/// A new participant's day in a German terminal (`LANG=de_DE.UTF-8`), against a real server:
/// every command speaks German, choices show their labels, `heute` is a date.
@Suite("fieldclient in a German terminal", .serialized)
struct GermanTerminalEndToEndTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
    }

    private func terminal(_ name: String) -> GermanTerminal {
        GermanTerminal(store: server.directory.appendingPathComponent("\(name)/store.sqlite").path)
    }

    /// Today in the local time zone, as German output writes it.
    private static var today: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "dd.MM.yyyy"
        formatter.timeZone = .current
        return formatter.string(from: Date())
    }

    @Test("A participant's day in German: no English sentence, choices by label, heute is a date")
    func aParticipantsDay() throws {
        let anna = terminal("anna")
        let tina = terminal("tina")
        let joined = try anna.ok(["join", server.url, try server.code(for: "anna"), "--name", "anna-laptop"])
        #expect(joined.contains("Angemeldet im Kurs kurs als anna (Teilnehmer/in)"))
        try tina.ok(["join", server.url, try server.code(for: "tina", trainer: true), "--name", "tina-laptop"])
        try anna.ok(["surveys"])
        let households = try JSONSerialization.jsonObject(with: Data(try anna.ok(["households", "--json"]).utf8)) as! [[String: Any]]
        let door = String((households[0]["id"] as! String).prefix(8))

        // The interview: `heute` as the date, an age out of range, a household size that is no number.
        let interview = try anna.run(
            ["collect", "nachbarschaft-2026", "--household", door],
            input: "heute\n\n2\n5\n34\ndrei\n3\n1\nRuhig hier\n1 3\n7,5\n3\nweiter\na\n")
        #expect(interview.status == 0, "\(interview.stderr)")
        #expect(interview.stdout.contains("[2/14] Datum des Gesprächs *"))
        #expect(interview.stdout.contains("'Alter' (alter): 5 liegt außerhalb des erlaubten Bereichs; erlaubt ist 14 bis 120."))
        #expect(interview.stdout.contains("'Haushaltsgröße' (haushalt) erwartet eine ganze Zahl wie 42, nicht 'drei'."))
        #expect(interview.stdout.contains("ist abgeschlossen"))
        let id = try #require(interview.stdout.split(separator: "\n").last.map { String($0.split(separator: " ").last!) })
        let short = String(id.prefix(8))

        let shown = try anna.ok(["show", short])
        #expect(shown.contains("Datum des Gesprächs (datum): \(Self.today)"))
        #expect(shown.contains("Wie lange wohnen Sie schon im Quartier? (wohndauer): 1 bis 5 Jahre"))
        #expect(shown.contains("Größte Probleme (probleme): Verkehr und Lärm, Hohe Mieten"))
        #expect(shown.contains("(zufriedenheit): 7,5"))
        #expect(!shown.contains("jahre_1_5") && !shown.contains("verkehr,"))
        #expect(try anna.ok(["list"]).contains("abgeschlossen"))

        let visit = try anna.ok(["visit", String((households[1]["id"] as! String).prefix(8)), "--outcome", "not-home", "--note", "Klingel kaputt"])
        #expect(visit.contains("nicht zu Hause"))
        #expect(try anna.ok(["sync"]).contains("Abgeglichen mit"))
        #expect(try anna.ok(["status"]).contains("Letzter Abgleich:"))
        let street = try #require((households[1]["values"] as? [String: Any])?["street"] as? String)
        let doors = try anna.ok(["households", "--street", String(street.prefix(5))])
        #expect(doors.contains("nicht zu Hause"), "\(doors)")
        #expect(doors.contains("(anna)"), "\(doors)")
        #expect(doors.hasPrefix("KENNUNG"), "\(doors)")

        // A conflict: the trainer and anna change the same answer offline.
        try tina.ok(["sync"])
        try anna.ok(["edit", short, "--set", "wohndauer=1"])
        try tina.ok(["edit", short, "--set", "wohndauer=4"])
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        try anna.ok(["sync"])
        let conflicts = try anna.ok(["conflicts"])
        #expect(conflicts.contains("Weniger als ein Jahr"), "\(conflicts)")
        #expect(conflicts.contains("Länger als 15 Jahre"), "\(conflicts)")
        #expect(!conflicts.contains("ueber_15") && !conflicts.contains("unter_1"))
        let keep = conflicts.contains("1) Länger als 15 Jahre") ? 1 : 2
        let resolved = try anna.ok(["resolve", short, "wohndauer", "--keep", String(keep)])
        #expect(resolved.contains("geklärt: Länger als 15 Jahre"))
        #expect(try anna.ok(["conflicts"]).contains("Keine offenen Konflikte."))
        try anna.ok(["report"])

        // Mistakes and help.
        #expect(try anna.run(["show", "zzzz"]).status == 64)
        #expect(try anna.run(["visit", door]).status == 64)
        #expect(try anna.run(["edit", short, "--set", "datum=gestern"]).status == 0)
        #expect(try anna.ok(["show", short]).contains("Datum des Gesprächs (datum):"))
        try anna.ok(["--help"])
        try anna.ok(["collect", "--help"])

        // Offline: the server is gone.
        server.stop()
        let offline = try anna.run(["sync", "--retries", "0"])
        #expect(offline.status == 69)
        #expect(offline.stderr.contains("sicher auf diesem Gerät"), "\(offline.stderr)")

        #expect(anna.englishLines() == [])
        #expect(tina.englishLines() == [])
    }

    @Test("Wrong codes, and then too many of them, are refused in German, not with the server's English")
    func tooManyWrongCodes() throws {
        let anna = terminal("anna")
        for _ in 1...10 {
            let wrong = try anna.run(["join", server.url, "FALSCH-FALSCH-FALSCH"])
            #expect(wrong.status != 0)
        }
        let limited = try anna.run(["join", server.url, "FALSCH-FALSCH-FALSCH"])
        #expect(limited.status != 0)
        #expect(
            limited.stderr.contains("Zu viele Fehlversuche aus diesem Netz. Warten Sie einige Minuten und versuchen Sie es dann erneut."),
            "\(limited.stderr)")
        #expect(anna.englishLines() == [])
    }

    @Test("--json stays language-neutral: keys and codes, in a German terminal too")
    func jsonIsNeutral() throws {
        let anna = terminal("anna")
        try anna.ok(["join", server.url, try server.code(for: "anna")])
        let id = try anna.ok(["record", "nachbarschaft-2026", "--answers", "-", "--finalize"],
            input: #"{"datum": "2026-11-25", "wohndauer": "jahre_1_5", "haushalt": 1, "gefaellt": "Ruhe", "probleme": ["verkehr"], "mitmachen": "nein"}"#)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = try JSONSerialization.jsonObject(with: Data(try anna.ok(["show", id, "--json"]).utf8)) as! [String: Any]
        let values = shown["values"] as! [String: Any]
        #expect(values["wohndauer"] as? String == "jahre_1_5")
        #expect(values["datum"] as? String == "2026-11-25")
        #expect(shown["status"] as? String == "final")
    }

    @Test(
        "Shared options may come before the command",
        arguments: [["--json", "status"], ["--lang", "en", "status"], ["--lang=de", "status"], ["--allow-insecure", "status"]])
    func optionsBeforeTheCommand(arguments: [String]) throws {
        let result = try terminal("early").run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        if arguments.contains("--json") { #expect(result.stdout.contains("\"joined\" : false")) }
        if arguments.contains("en") { #expect(result.stdout.contains("Not joined yet.")) }
        if arguments.contains("--lang=de") { #expect(result.stdout.contains("Noch nicht angemeldet.")) }
    }
}
