import Foundation
import Testing

@testable import fieldclient

/// Erasure as people use it: a trainer's `fieldclient erase` and the operator's `syncserver erase`
/// reach every device, an offline device loses its copy and its unsynced edits, a restored backup
/// does not bring an erased answer back, and no byte of it stays in any database file.
///
/// The device stores here are PLAIN (`join --no-encryption`): an encrypted store would hide the
/// marker from a raw-byte search whether or not it was erased. Each search is preceded by a
/// control that finds the marker, so the test can fail.
@Suite("Erasure end to end", .serialized)
struct ErasureEndToEndTests {
    /// Answers of the fixture survey, with `marker` as the free-text answer.
    static func answers(_ marker: String) -> [String: Any] {
        [
            "datum": "2026-11-25", "wohndauer": "jahre_1_5", "haushalt": 3, "kinder": 1, "gefaellt": marker,
            "probleme": ["verkehr"], "mitmachen": "nein",
        ]
    }

    /// A marker no file contains by chance.
    static func makeMarker() -> String { "QSMARKER" + UUID().uuidString.replacingOccurrences(of: "-", with: "") }

    /// Joins `name` to `server` with a plain store.
    static func join(_ name: String, _ server: TestServer, trainer: Bool = false) throws -> Client {
        let client = Client(name, in: server.directory)
        try client.ok([
            "join", server.url, try server.code(for: name, trainer: trainer), "--name", "\(name)-laptop", "--no-encryption",
        ])
        return client
    }

    /// Records a response whose free text is `marker`; the answers file lives outside the searched folder and is removed.
    static func record(_ client: Client, marker: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("answers-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("answers.json")
        try JSONSerialization.data(withJSONObject: answers(marker)).write(to: file)
        return try client.ok(["record", "nachbarschaft-2026", "--answers", file.path, "--finalize"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The database files (`.sqlite`, `-wal`, `-shm`) under `folder` whose raw bytes contain `marker`.
    static func files(containing marker: String, under folder: URL) throws -> [String] {
        let needle = Data(marker.utf8)
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            if let data = FileManager.default.contents(atPath: url.path), data.range(of: needle) != nil {
                found.append(url.path)
            }
        }
        return found.sorted()
    }

    /// The database files of `client`'s store and of the server.
    static func databaseFiles(_ paths: [String]) -> [String] {
        paths.flatMap { [$0, $0 + "-wal", $0 + "-shm"] }.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Whether any of `paths` contains `marker`.
    static func anyContains(_ paths: [String], _ marker: String) -> Bool {
        databaseFiles(paths).contains { FileManager.default.contents(atPath: $0)?.range(of: Data(marker.utf8)) != nil }
    }

    @Test("a trainer's erasure reaches the server and two other devices and leaves no byte of the answer in any file")
    func markerIsGoneEverywhere() throws {
        let server = try TestServer()
        defer { server.stop() }
        let anna = try Self.join("anna", server)
        let tina = try Self.join("tina", server, trainer: true)
        let tom = try Self.join("tom", server, trainer: true)
        let marker = Self.makeMarker()
        let id = try Self.record(anna, marker: marker)
        for client in [anna, tina, tom] { try client.ok(["sync"]) }
        // Control, with the same search as below: the marker is in the server's files and in every device's files.
        let before = try Self.files(containing: marker, under: server.directory)
        for path in [server.database, anna.store, tina.store, tom.store] {
            #expect(before.contains { $0.hasPrefix(path) }, "control: no file of \(path) holds the marker")
        }

        let declined = try tina.run(["erase", String(id.prefix(8))], input: "n\n")
        #expect(declined.status == ExitStatus.usage.rawValue)
        #expect(declined.stderr.contains("Erase \(id.prefix(8)) for good?") && declined.stderr.contains("Not erased"))
        let erased = try tina.ok(["erase", String(id.prefix(8)), "--yes"])
        #expect(erased.contains("erased on this device"))
        for client in [tina, anna, tom] { try client.ok(["sync"]) }

        #expect(try Self.files(containing: marker, under: server.directory) == [])
        for client in [anna, tina, tom] {
            let shown = try client.show(id)
            #expect((shown["values"] as? [String: Any])?.isEmpty == true)
            #expect((shown["erased"] as? [String: Any])?["by"] as? String == "tina")
            #expect((try client.json(["list"]) as! [[String: Any]]).allSatisfy { $0["id"] as? String != id })
        }
        // The same holds after the server has stopped and written everything to its file.
        server.stop()
        #expect(try Self.files(containing: marker, under: server.directory) == [])
    }

    @Test("a participant cannot erase; the refusal changes nothing")
    func participantsCannotErase() throws {
        let server = try TestServer()
        defer { server.stop() }
        let anna = try Self.join("anna", server)
        let id = try Self.record(anna, marker: "bleibt")
        let refused = try anna.run(["erase", id, "--yes"], environment: ["LANG": "de_DE.UTF-8"])
        #expect(refused.status == ExitStatus.unauthorized.rawValue)
        #expect(refused.stderr.contains("Nur die Kursleitung kann Einträge endgültig löschen"))
        #expect(((try anna.show(id))["values"] as? [String: Any])?["gefaellt"] as? String == "bleibt")
    }

    @Test("an offline device that edited an erased record gets the erasure on its push and loses the content and its edit")
    func offlineDeviceLosesItsCopy() throws {
        try Self.offlineDevice(server: try TestServer())
    }

    @Test(
        "on PostgreSQL, an offline device gets the erasure too",
        .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL (scripts/test sets it)"))
    func offlineDeviceOnPostgres() throws {
        let database = try TestPostgres.makeDatabase()
        let journal = FileManager.default.temporaryDirectory.appendingPathComponent("erasures-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: journal) }
        try Self.offlineDevice(
            server: try TestServer(database: database, environment: ["SYNCSERVER_ERASURE_JOURNAL": journal]))
        #expect(FileManager.default.fileExists(atPath: journal))
    }

    /// The offline-device case on `server`.
    static func offlineDevice(server: TestServer) throws {
        defer { server.stop() }
        let anna = try join("anna", server)
        let tina = try join("tina", server, trainer: true)
        let tom = try join("tom", server, trainer: true)
        let id = try record(anna, marker: "Telefon 0171 5550199")
        for client in [anna, tina, tom] { try client.ok(["sync"]) }
        // Anna edits offline; tina erases and syncs.
        try anna.ok(["edit", id, "--set", "gefaellt=Neue Nummer 0171 5550200"])
        try tina.ok(["erase", id, "--yes"])
        try tina.ok(["sync"])
        let synced = try anna.run(["sync"], environment: ["LANG": "de_DE.UTF-8"])
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(
            synced.stdout.contains(
                "\(id.prefix(8)) wurde von tina gelöscht (Löschung auf Wunsch); 1 nicht übertragene Änderung wurde verworfen."))
        try tom.ok(["sync"])
        for client in [anna, tina, tom] {
            let shown = try client.show(id)
            #expect((shown["values"] as? [String: Any])?.isEmpty == true)
            #expect(shown["pending"] as? Bool == false)
            #expect(!(try client.showText(id)).contains("0171"))
        }
        // Anna's edit is gone for good: a further sync sends nothing and brings nothing back.
        try anna.ok(["sync"])
        #expect(((try anna.show(id))["values"] as? [String: Any])?.isEmpty == true)
        let edit = try anna.run(["edit", id, "--set", "gefaellt=Noch ein Versuch"])
        #expect(edit.status == ExitStatus.notFound.rawValue)
        #expect(edit.stderr.contains("was erased by tina"))
    }

    @Test("after an operator's erasure, restoring an older backup does not bring the answer back to any device")
    func restoredBackupKeepsTheErasure() throws {
        let server = try TestServer()
        defer { server.stop() }
        let anna = try Self.join("anna", server)
        let tina = try Self.join("tina", server, trainer: true)
        let tom = try Self.join("tom", server, trainer: true)
        let marker = Self.makeMarker()
        let erasedID = try Self.record(anna, marker: marker)
        let keptID = try Self.record(anna, marker: "bleibt")
        for client in [anna, tina, tom] { try client.ok(["sync"]) }
        let backups = FileManager.default.temporaryDirectory.appendingPathComponent("backups-\(UUID())")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: backups) }
        let backup = backups.appendingPathComponent("sicherung.sqlite").path
        try server.admin(["backup", backup])
        #expect(Self.anyContains([backup], marker))

        // The operator is asked first; "n" changes nothing, "j" erases.
        let declined = try server.adminResult(["erase", "--cohort", "kurs", erasedID], input: "n\n")
        #expect(declined.status != 0)
        #expect(declined.stderr.contains("nothing was changed"))
        let confirmed = try server.adminResult(["erase", "--cohort", "kurs", erasedID], input: "j\n")
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.stderr.contains("will be erased for good"))
        #expect(confirmed.stdout.contains("Erased record \(erasedID.uppercased())"))
        // Anna and tina learn of it; tom stays offline with his copy.
        for client in [anna, tina] { try client.ok(["sync"]) }
        #expect(Self.anyContains([tom.store], marker))

        // The operator restores the backup over the database, as docs/DEPLOY.md says.
        server.stop()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: server.database + suffix) }
        try FileManager.default.removeItem(atPath: server.database)
        try FileManager.default.copyItem(atPath: backup, toPath: server.database)
        try server.start()
        for client in [tom, anna, tina, tom] { try client.ok(["sync"]) }

        for client in [anna, tina, tom] {
            #expect(((try client.show(erasedID))["values"] as? [String: Any])?.isEmpty == true)
            #expect(((try client.show(keptID))["values"] as? [String: Any])?["gefaellt"] as? String == "bleibt")
        }
        #expect(try Self.files(containing: marker, under: server.directory) == [])
    }

    @Test("purge in German: a bad date changes nothing, the question names the counts, a second run erases nothing")
    func purgeFromTheCommandLine() throws {
        let server = try TestServer()
        defer { server.stop() }
        let anna = try Self.join("anna", server)
        let tina = try Self.join("tina", server, trainer: true)
        let deleted = try Self.record(anna, marker: "wird gelöscht")
        let live = try Self.record(anna, marker: "bleibt erst")
        try anna.ok(["delete", deleted])
        try anna.ok(["sync"])
        func purge(_ arguments: [String], input: String? = nil) throws -> ProcessResult {
            try Command.run(
                try Binaries.path("syncserver"), ["purge", "--cohort", "kurs", "--db", server.database] + arguments,
                input: input, environment: ["LANG": "de_DE.UTF-8"])
        }
        let bad = try purge(["--deleted-before", "31.02.2026", "--yes"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("„31.02.2026“ ist kein Datum"))
        let neither = try purge(["--yes"])
        #expect(neither.status != 0)
        #expect(neither.stderr.contains("Genau eine der Angaben"))

        // Deleted today: a day in the past erases nothing; the day after tomorrow erases it, once asked.
        let early = try purge(["--deleted-before", "01.01.2026"])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stdout.contains("Kurs kurs: endgültig gelöschte Datensätze: 0 (Antworten: 0"))
        let later = Date().addingTimeInterval(2 * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.year, .month, .day], from: later)
        let day = String(format: "%02d.%02d.%04d", parts.day!, parts.month!, parts.year!)
        let purged = try purge(["--deleted-before", day], input: "j\n")
        #expect(purged.status == 0, "\(purged.stderr)")
        #expect(purged.stderr.contains("Löschung vor dem \(day) liegt: 1 (Antworten: 1, Türen: 0, weitere: 0)"))
        #expect(purged.stdout.contains("endgültig gelöschte Datensätze: 1 (Antworten: 1"))
        #expect(try purge(["--deleted-before", day, "--yes"]).stdout.contains("endgültig gelöschte Datensätze: 0 (Antworten: 0, Türen: 0, weitere: 0); schon vorher gelöscht: 1."))

        // The course ends: everything, after a question that names the counts; "n" changes nothing.
        let declined = try purge(["--all"], input: "n\n")
        #expect(declined.status != 0)
        #expect(declined.stderr.contains("Alle Datensätze des Kurses kurs: 41 (Antworten: 1, Türen mit ihren Besuchen: 40, weitere: 0)"))
        #expect(declined.stderr.contains("es wurde nichts geändert"))
        // A journal that could not take the erasures stops the purge before it erases anything (the counts below).
        let unwritable = server.directory.appendingPathComponent("fehlt/loeschprotokoll").path
        let refused = try purge(["--all", "--yes", "--erasure-journal", unwritable])
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains("Das Löschprotokoll \(unwritable) lässt sich nicht schreiben, darum wurde nichts geändert"),
            "\(refused.stderr)")
        let all = try purge(["--all", "--yes", "--json"])
        #expect(all.status == 0, "\(all.stderr)")
        let counts = try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any]
        #expect(counts?["erased"] as? [String: Int] == ["responses": 1, "households": 40])
        #expect(counts?["alreadyErased"] as? Int == 1)
        try tina.ok(["sync"])
        #expect((try tina.json(["list", "--deleted"]) as! [[String: Any]]).allSatisfy { ($0["values"] as? [String: Any])?.isEmpty == true })
        #expect((try tina.json(["households"]) as! [Any]).isEmpty)
        #expect(((try tina.show(live))["erased"] as? [String: Any])?["reason"] as? String == "course-ended")
    }

    @Test(
        "migrate applies the SQLite journal to PostgreSQL: an erasure missing from the copied file still holds there",
        .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL (scripts/test sets it)"))
    func migrateCarriesTheJournal() throws {
        let sqlite = try TestServer()
        defer { sqlite.stop() }
        let anna = try Self.join("anna", sqlite)
        let tom = try Self.join("tom", sqlite, trainer: true)
        let erasedID = try Self.record(anna, marker: "vor der Sicherung")
        for client in [anna, tom] { try client.ok(["sync"]) }
        let backup = sqlite.directory.appendingPathComponent("sicherung.sqlite").path
        try sqlite.admin(["backup", backup])
        try sqlite.admin(["erase", "--cohort", "kurs", erasedID, "--yes"])
        // The SQLite file goes back to the backup (without the erasure); its journal stays.
        sqlite.stop()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlite.database + suffix) }
        try FileManager.default.copyItem(atPath: backup, toPath: sqlite.database)
        let database = try TestPostgres.makeDatabase()
        let journal = sqlite.directory.appendingPathComponent("postgres.erasures").path
        let moved = try Command.run(
            try Binaries.path("syncserver"),
            ["migrate", "--from", "sqlite:\(sqlite.database)", "--to", database, "--erasure-journal", journal])
        #expect(moved.status == 0, "\(moved.stderr)")
        let carried = try #require(FileManager.default.contents(atPath: journal))
        #expect(String(decoding: carried, as: UTF8.self).lowercased().contains(erasedID.lowercased()))
        // migrate itself applied it: no stored state holds the answer before any server starts.
        let holding = try Command.run(
            "/usr/bin/env",
            ["psql", database, "-XAtc",
             "SELECT count(*) FROM records WHERE position(convert_to('vor der Sicherung', 'UTF8') in state) > 0"])
        #expect(holding.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(holding.stderr)")
        let postgres = try TestServer(
            database: database, setUp: false, port: sqlite.port, environment: ["SYNCSERVER_ERASURE_JOURNAL": journal])
        defer { postgres.stop() }
        try tom.ok(["sync"])
        #expect(((try tom.show(erasedID))["values"] as? [String: Any])?.isEmpty == true)
        #expect(((try tom.show(erasedID))["erased"] as? [String: Any])?["by"] as? String == "syncserver")
    }
}
