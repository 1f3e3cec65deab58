import Foundation
import GRDB
import SyncModel
import Testing

@testable import SyncServer

@Suite("The admin commands speak the operator's language", .serialized)
struct AdminCommandLanguageTests {
    static let german = ["LANG": "de_DE.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "SYNCSERVER_LANG": ""]

    @Test("In a German locale (or with SYNCSERVER_LANG=de) the output is German; --json stays language-neutral")
    func germanOutput() throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        func run(_ arguments: [String], _ environment: [String: String] = Self.german) throws -> SyncServerProcess.Output {
            try SyncServerProcess.run(arguments + ["--db", db], environment: environment)
        }
        let created = try run(["cohort", "create", "wedding"])
        #expect(created.stdout == "Kurs wedding angelegt.\n", "\(created.stderr)")
        let code = try run(["enroll", "--cohort", "wedding", "--participant", "Ayşe K."])
        #expect(code.stdout.hasPrefix("Anmeldecode für Ayşe K. (Teilnehmer/in, Kurs wedding):"), "\(code.stdout)")
        #expect(code.stdout.contains("Er gilt einmal, bis "))
        #expect(try run(["devices", "list"]).stdout == "Keine Geräte.\n")
        let english = try run(
            ["devices", "list"], ["LANG": "de_DE.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "SYNCSERVER_LANG": "en"])
        #expect(english.stdout == "No devices.\n")
        let chosen = try run(["cohort", "list"], ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "SYNCSERVER_LANG": "de"])
        #expect(chosen.stdout.hasPrefix("wedding\tangelegt "))
        let refused = try run(["devices", "revoke", "nichts"])
        #expect(refused.status != 0)
        #expect(refused.stderr.hasPrefix("Fehler: 'nichts' ist keine Gerätekennung"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\nAufruf: syncserver devices revoke"), "\(refused.stderr)")
        let help = try SyncServerProcess.run(["--help"], environment: Self.german)
        #expect(help.stdout.hasPrefix("ÜBERSICHT: Der QuartierSync-Server und seine Verwaltungsbefehle."), "\(help.stdout)")
        #expect(help.stdout.contains("BEFEHLE:") && !help.stdout.contains("SUBCOMMANDS:"))
        let json = try run(["cohort", "list", "--json"])
        #expect(try JSONDecoder().decode([CohortInfo].self, from: Data(json.stdout.utf8)).map(\.name) == ["wedding"])
    }

    @Test(
        "The help of every command explains it in German, its longer paragraphs and option texts included",
        arguments: [
            (["audit"], "Eine Zeile je Ereignis", "One line per event"),
            (["backup"], "Geht, während der Server läuft.", "Safe while the server runs."),
            (["dashboard-link"], "Wer den Link im Browser öffnet", "Opening the link in a browser"),
            (["migrate"], "Kopiert Kurse, Geräte", "Copies cohorts, devices"),
            (["serve"], "Die IP-Adresse eines vorgeschalteten Proxys", "The IP address of a reverse proxy"),
        ])
    func germanHelp(command: [String], german: String, english: String) throws {
        let help = try SyncServerProcess.run(command + ["--help"], environment: Self.german)
        // ArgumentParser wraps the help at the terminal's width: compare with the line breaks taken out.
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains(german), "\(help.stdout)")
        #expect(!text.contains(english), "\(help.stdout)")
    }

    @Test("A refused door list, an unknown or existing cohort and a published version are explained in German; nothing changes")
    func germanRefusals() throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        func run(_ arguments: [String]) throws -> SyncServerProcess.Output {
            try SyncServerProcess.run(arguments + ["--db", db], environment: Self.german)
        }
        _ = try run(["cohort", "create", "wedding"])
        let list = directory.appendingPathComponent("tueren.csv")
        try Data("Straße;Hausnummer\nLindenstraße;1\n;2\nLindenstr.;1\n".utf8).write(to: list)
        let refused = try run(["households", "import", "--cohort", "wedding", list.path])
        #expect(refused.status != 0)
        #expect(
            refused.stderr == """
                Fehler: Nichts wurde importiert; die Türliste hat 2 Fehler:
                Zeile 3: Die Straße ist leer. Tragen Sie sie ein oder löschen Sie die Zeile.
                Zeile 4: Lindenstr. 1 ist dieselbe Tür wie in Zeile 2. Löschen Sie eine der beiden Zeilen, oder geben Sie jeder Zeile eine id, wenn es verschiedene Wohnungen sind.

                """, "\(refused.stderr)")
        let unknown = try run(["households", "import", "--cohort", "moabit", list.path])
        #expect(unknown.stderr.hasPrefix("Fehler: Nichts wurde importiert"), "the file is checked first: \(unknown.stderr)")
        try Data("Straße;Hausnummer\nLindenstraße;1\n".utf8).write(to: list)
        let noCohort = try run(["households", "import", "--cohort", "moabit", list.path])
        #expect(
            noCohort.stderr == "Fehler: Den Kurs 'moabit' gibt es nicht. Legen Sie ihn mit 'syncserver cohort create' an.\n",
            "\(noCohort.stderr)")
        let json = try SyncServerProcess.run(
            ["households", "import", "--cohort", "moabit", list.path, "--db", db, "--json"], environment: Self.german)
        #expect(json.stdout.contains("\"code\" : \"notFound\""), "--json keeps the stable code: \(json.stdout)")
        let imported = try run(["households", "import", "--cohort", "wedding", list.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let again = try run(["cohort", "create", "wedding"])
        #expect(
            again.stderr
                == "Fehler: Den Kurs 'wedding' gibt es schon. Wählen Sie einen anderen Namen; 'syncserver cohort list' zeigt die vorhandenen.\n",
            "\(again.stderr)")
        let survey = PrivacyFixtures.surveyFile.path
        let nowhere = try run(["survey", "publish", "--cohort", "moabit", survey])
        #expect(
            nowhere.stderr == "Fehler: Den Kurs 'moabit' gibt es nicht. Legen Sie ihn mit 'syncserver cohort create' an.\n",
            "\(nowhere.stderr)")
        #expect(try run(["survey", "publish", "--cohort", "wedding", survey]).status == 0)
        let twice = try run(["survey", "publish", "--cohort", "wedding", survey])
        #expect(
            twice.stderr
                == "Fehler: Fragebogen 'nachbarschaft-2026' Version 1 ist im Kurs 'wedding' schon veröffentlicht, und "
                + "veröffentlichte Versionen ändern sich nie. Erhöhen Sie `version` und veröffentlichen Sie ihn erneut.\n",
            "\(twice.stderr)")
    }

    @Test("A survey file with mistakes is explained in German, naming the row and the question; nothing is published")
    func germanSurveyRefusals() throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        func publish(_ text: String) throws -> String {
            let file = directory.appendingPathComponent("fragebogen.yaml")
            try Data(text.utf8).write(to: file)
            let output = try SyncServerProcess.run(
                ["survey", "publish", "--cohort", "wedding", file.path, "--db", db], environment: Self.german)
            #expect(output.status != 0)
            return output.stderr
        }
        _ = try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db], environment: Self.german)
        let settings = "settings: { form_id: befragung, version: 1, form_title: Befragung }\n"
        #expect(
            try publish(settings + "survey:\n  - { type: text, name: wohnort, label: A }\n  - { type: integer, name: wohnort, label: B }\n")
                == "Fehler: Zeile 2 in `survey` ('wohnort'): Den Namen 'wohnort' trägt schon eine andere Frage "
                + "(Zeile 1 in `survey` ('wohnort')). Jede Frage braucht einen eigenen Namen.\n")
        #expect(
            try publish(settings + "survey:\n  - { type: integer, name: alter, label: Alter, relevant: '${alter2} >' }\n")
                == "Fehler: Zeile 1 in `survey` ('alter'): Die Bedingung in `relevant` \"${alter2} >\" lässt sich nicht lesen: "
                + "an Stelle 12 wird ein Wert, '${name}', '.', '(' oder eine Funktion erwartet, dort steht aber das Ende der "
                + "Bedingung. Prüfen Sie Anführungszeichen, Klammern und Operatoren (=, !=, <, <=, >, >=, `and`, `or`, `not(…)`).\n")
        #expect(
            try publish(settings + "survey:\n  - { type: integer, name: kinder, label: Kinder, default: viele }\n")
                == "Fehler: Zeile 1 in `survey` ('kinder'): Die Vorgabe 'viele' ist keine gültige Antwort (sie passt nicht zum "
                + "Typ `integer`). Korrigieren oder entfernen Sie `default`.\n")
        #expect(
            try publish(#"{"id": "befragung", "version": 0, "title": "B", "questions": [{"name": "a", "type": "text", "label": "A"}]}"#)
                == "Fehler: Der Fragebogen 'befragung' hat die Version 0, Versionen beginnen aber bei 1. "
                + "Setzen Sie `version` auf 1 oder höher.\n")
        let english = try SyncServerProcess.run(
            ["survey", "publish", "--cohort", "wedding", directory.appendingPathComponent("fragebogen.yaml").path, "--db", db],
            environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "SYNCSERVER_LANG": ""])
        #expect(english.stderr == "error: Survey 'befragung' has version 0, but versions start at 1. Set `version` to 1 or higher.\n")
        let store = try SQLiteRecordStore(path: db)
        defer { try? store.close() }
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM surveys") } == 0)
    }

    @Test("A database a newer syncserver migrated is refused in German, with what to do")
    func germanNewerSchema() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        #expect(try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db], environment: Self.german).status == 0)
        let store = try SQLiteRecordStore(path: db)
        try await store.recordFutureMigration()
        try store.close()
        let refused = try SyncServerProcess.run(["cohort", "list", "--db", db], environment: Self.german)
        let newest = StoreSchema.newestVersion
        #expect(
            refused.stderr
                == "Fehler: Die Datenbank \(db) lässt sich nicht öffnen: Die Datenbank sqlite:\(db) hat die Schemaversion "
                + "\(newest + 1), neuer, als dieser syncserver kennt (\(newest)). Verwenden Sie den neueren syncserver.\n",
            "\(refused.stderr)")
    }

    @Test("Bad database locations, unreadable files and a bad proxy address are refused in German, without secrets")
    func germanLocationRefusals() throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        func refusal(_ arguments: [String]) throws -> String {
            let output = try SyncServerProcess.run(arguments, environment: Self.german)
            #expect(output.status != 0, "\(arguments) must fail")
            return output.stderr
        }
        let form = "Schreiben Sie die Adresse als postgres://BENUTZER[:PASSWORT]@HOST[:PORT]/DATENBANK, z. B. postgres://sync@127.0.0.1:5432/quartiersync."
        #expect(try refusal(["cohort", "list", "--db", "postgres://sync@/sync"]).hasPrefix(
            "Fehler: Die PostgreSQL-Adresse nennt keinen Host. \(form)\nAufruf: syncserver cohort list"))
        #expect(try refusal(["cohort", "list", "--db", "postgres:sync@127.0.0.1/sync"]).hasPrefix(
            "Fehler: 'postgres:sync@127.0.0.1/sync' ist keine PostgreSQL-Adresse. \(form)"))
        let option = try refusal(["cohort", "list", "--db", "postgres://sync@127.0.0.1/sync?password=geheim"])
        #expect(option.hasPrefix("Fehler: Die Option 'password' der PostgreSQL-Adresse wird nicht unterstützt;"), "\(option)")
        #expect(!option.contains("geheim"))
        #expect(try refusal(["cohort", "list", "--db", "sqlite:"]).hasPrefix("Fehler: 'sqlite:' nennt keine Datei. Schreiben Sie sqlite:PFAD"))
        let missing = directory.appendingPathComponent("fehlt").path
        #expect(try refusal(["cohort", "list", "--db", missing + "/sync.sqlite"]).hasPrefix(
            "Fehler: Die Datenbank \(missing)/sync.sqlite lässt sich nicht öffnen: Die Datenbankdatei \(missing)/sync.sqlite "
                + "lässt sich nicht anlegen. Prüfen Sie, ob es ihren Ordner gibt und ob er beschreibbar ist.\n"))
        #expect(try refusal(["survey", "publish", "--cohort", "wedding", "--db", db, missing + ".yaml"]).hasPrefix(
            "Fehler: Die Umfragedatei '\(missing).yaml' lässt sich nicht lesen. Prüfen Sie den Pfad."))
        #expect(try refusal(["households", "import", "--cohort", "wedding", "--db", db, missing + ".csv"]).hasPrefix(
            "Fehler: Die Türliste '\(missing).csv' lässt sich nicht lesen. Prüfen Sie den Pfad."))
        #expect(try refusal(["serve", "--db", db, "--trusted-proxy", "kein-proxy"]).hasPrefix(
            "Fehler: --trusted-proxy 'kein-proxy' ist keine IP-Adresse. Geben Sie die Adresse des Proxys an, z. B. 127.0.0.1."))
        #expect(!FileManager.default.fileExists(atPath: db), "no refusal created the database")
    }

    @Test(
        "migrate reports the move in German, and refuses a used destination in German",
        .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL (scripts/test sets it)"))
    func germanMigration() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        _ = try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db], environment: Self.german)
        let destination = try await TestPostgres.makeDatabaseURL()
        let moved = try SyncServerProcess.run(["migrate", "--from", db, "--to", destination], environment: Self.german)
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.hasPrefix("1 Kurse, 0 Geräte, 0 Anmeldecodes, 0 Fragebogenversionen, 0 Datensätze"), "\(moved.stdout)")
        #expect(moved.stdout.contains("Starten Sie die Server mit --db "), "\(moved.stdout)")
        let again = try SyncServerProcess.run(["migrate", "--from", db, "--to", destination], environment: Self.german)
        #expect(again.status != 0)
        #expect(again.stderr.hasPrefix("Fehler: Das Ziel "), "\(again.stderr)")
        #expect(
            again.stderr.contains(" ist nicht leer (1 audit_events, 1 cohorts, 1 retired_epochs). Ziehen Sie in eine neue, leere Datenbank um"),
            "\(again.stderr)")
    }
}
