import Foundation
import GRDB
import Testing
@testable import fieldclient

/// The encrypted store as people use it: the built `fieldclient` against a real `syncserver`.
@Suite("store encryption end to end", .serialized)
struct StoreEncryptionEndToEndTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
    }

    private func joined(_ name: String, extra: [String] = []) throws -> Client {
        let client = Client(name, in: server.directory)
        try client.ok(["join", server.url, try server.code(for: name), "--name", "\(name)-laptop"] + extra)
        return client
    }

    /// Every byte of every file under the store's folder (the store, -wal, -shm and anything else).
    private func bytesUnderStoreFolder(_ client: Client) throws -> [(String, Data)] {
        let folder = URL(fileURLWithPath: client.store).deletingLastPathComponent()
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        return try files.compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath }.map { ($0.lastPathComponent, try Data(contentsOf: $0)) }
    }

    /// Records an interview, a typed response, a visit with a note and an edit, all carrying `marker`,
    /// syncs, and returns every output the client wrote to standard error (its log, at trace level).
    private func recordWithMarker(_ client: Client, marker: String) throws -> String {
        var logged = ""
        var client = client
        client.environment["FIELDCLIENT_LOG_LEVEL"] = "trace"
        let households = try client.json(["households"]) as! [[String: Any]]
        let door = households[0]["id"] as! String
        let answers = server.directory.appendingPathComponent("answers-\(UUID()).json")
        try JSONSerialization.data(withJSONObject: [
            "datum": "2026-11-25", "wohndauer": "jahre_1_5", "haushalt": 3, "kinder": 1, "gefaellt": "Antwort \(marker)",
            "probleme": ["verkehr"], "mitmachen": "nein",
        ]).write(to: answers)
        let recorded = try client.run(["record", "nachbarschaft-2026", "--answers", answers.path])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        try FileManager.default.removeItem(at: answers)
        logged += recorded.stderr
        let interview = try client.run(
            ["collect", "nachbarschaft-2026", "--household", String(door.prefix(8))],
            input: "25.11.2026\n\n2\n5\n34\n3\n1\nInterview \(marker)\n1 3\n7,5\n3\nskip\nf\n")
        #expect(interview.status == 0, "\(interview.stderr)")
        logged += interview.stderr
        let visit = try client.run(["visit", String(door.prefix(8)), "--outcome", "revisit", "--note", "Notiz \(marker)"])
        #expect(visit.status == 0, "\(visit.stderr)")
        logged += visit.stderr
        let sync = try client.run(["sync"])
        #expect(sync.status == 0, "\(sync.stderr)")
        logged += sync.stderr
        let status = try client.run(["status"])
        logged += status.stderr
        return logged
    }

    @Test("answers, interviews and visit notes with a unique marker leave no trace in the store's files or logs")
    func markerIsNowhereOnDisk() throws {
        let anna = try joined("anna")
        let marker = "Markierung\(UUID().uuidString.prefix(8))"
        let logged = try recordWithMarker(anna, marker: marker)
        // The marker was really recorded and synced: another device and anna herself see it.
        #expect(try anna.ok(["list", "--json"]).contains(marker))
        #expect(try anna.ok(["households", "--json"]).contains(marker))
        let files = try bytesUnderStoreFolder(anna)
        #expect(files.map(\.0).contains("store.sqlite"))
        for (name, bytes) in files {
            for secret in [marker, "Lindenstraße", "Testpassphrase"] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) found in \(name)")
            }
        }
        #expect(!logged.contains(marker))
        #expect(!logged.contains("Lindenstraße"))
        // The same steps in a plain store leave the marker in the file: the search finds what is there.
        let bert = try joined("bert", extra: ["--no-encryption"])
        _ = try recordWithMarker(bert, marker: marker)
        let plain = try bytesUnderStoreFolder(bert).map(\.1).reduce(Data(), +)
        #expect(plain.range(of: Data(marker.utf8)) != nil)
    }

    @Test("a plain store says so in the first line of status; an encrypted one does not")
    func statusNamesPlainStores() throws {
        let plain = try joined("bert", extra: ["--no-encryption"])
        let first = try plain.ok(["status"]).split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains("NOT encrypted"))
        #expect((try plain.json(["status"]) as! [String: Any])["encrypted"] as? Bool == false)
        let anna = try joined("anna")
        let annaStatus = try anna.ok(["status"])
        #expect(!annaStatus.contains("NOT encrypted"))
        #expect((try anna.json(["status"]) as! [String: Any])["encrypted"] as? Bool == true)
    }

    @Test("join without a passphrase and without a terminal refuses with a message and spends no code")
    func joinNeedsAPassphrase() throws {
        var client = Client("carla", in: server.directory)
        client.environment["FIELDCLIENT_PASSPHRASE"] = ""
        let code = try server.code(for: "carla")
        let refused = try client.run(["join", server.url, code])
        #expect(refused.status == ExitStatus.usage.rawValue)
        #expect(refused.stderr.contains("FIELDCLIENT_PASSPHRASE"))
        client.environment["FIELDCLIENT_PASSPHRASE"] = "kurz"
        let short = try client.run(["join", server.url, code])
        #expect(short.status == ExitStatus.usage.rawValue)
        #expect(short.stderr.contains("at least 8"))
        // The code still works: nothing was spent.
        client.environment["FIELDCLIENT_PASSPHRASE"] = Client.passphrase
        try client.ok(["join", server.url, code])
    }

    @Test("a wrong passphrase exits 77, five times in a row, and changes nothing; the right one still works")
    func wrongPassphraseChangesNothing() throws {
        var anna = try joined("anna")
        try anna.ok(["record", "nachbarschaft-2026", "--answers", try answersFile()])
        let before = try contents(of: anna)
        anna.environment["FIELDCLIENT_PASSPHRASE"] = "falsche Passphrase"
        anna.environment["LANG"] = "de_DE.UTF-8"
        for _ in 0..<5 {
            let wrong = try anna.run(["list"])
            #expect(wrong.status == 77)
            #expect(wrong.stderr.contains("Passphrase ist falsch"))
            #expect(wrong.stderr.contains("join"))
        }
        let unlock = try anna.run(["unlock"])
        #expect(unlock.status == 77)
        #expect(unlock.stderr.contains("Passphrase vergessen"))
        #expect(try contents(of: anna) == before)
        anna.environment["FIELDCLIENT_PASSPHRASE"] = Client.passphrase
        #expect((try anna.json(["list"]) as! [Any]).count == 1)
    }

    @Test("without a key, a passphrase or a terminal, commands exit 77 and say how to unlock")
    func lockedWithoutTerminal() throws {
        var anna = try joined("anna")
        anna.environment["FIELDCLIENT_PASSPHRASE"] = ""
        for arguments in [["list"], ["status"], ["sync"], ["collect", "nachbarschaft-2026"]] {
            let locked = try anna.run(arguments, input: "")
            #expect(locked.status == 77, "\(arguments)")
            #expect(locked.stderr.contains("fieldclient unlock"), "\(arguments)")
        }
    }

    @Test("--passphrase-file unlocks like the environment variable")
    func passphraseFile() throws {
        var anna = try joined("anna")
        let file = server.directory.appendingPathComponent("passphrase.txt")
        try Data((Client.passphrase + "\n").utf8).write(to: file)
        anna.environment["FIELDCLIENT_PASSPHRASE"] = ""
        let listed = try anna.run(["list", "--json", "--passphrase-file", file.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        let missing = try anna.run(["list", "--passphrase-file", file.path + "-missing"])
        #expect(missing.status == ExitStatus.usage.rawValue)
        #expect(missing.stderr.contains("cannot be read"))
    }

    @Test("passphrase changes the passphrase: the old one stops working, the records stay")
    func changePassphrase() throws {
        var anna = try joined("anna")
        try anna.ok(["record", "nachbarschaft-2026", "--answers", try answersFile()])
        anna.environment["FIELDCLIENT_NEW_PASSPHRASE"] = "eine ganz neue Passphrase"
        try anna.ok(["passphrase"])
        #expect(try anna.run(["list"]).status == 77)
        anna.environment["FIELDCLIENT_PASSPHRASE"] = "eine ganz neue Passphrase"
        #expect((try anna.json(["list"]) as! [Any]).count == 1)
    }

    @Test("a day at the doors: unlock asks once on a terminal, then collect, visit, sync and show ask nothing; lock locks")
    func dayAtTheDoors() throws {
        var anna = try joined("anna")
        anna.environment["FIELDCLIENT_PASSPHRASE"] = ""
        anna.environment["FIELDCLIENT_KEYRING"] = "kernel"
        anna.environment["LANG"] = "de_DE.UTF-8"
        // `script` gives fieldclient a pseudo-terminal; the passphrase is typed there once the
        // prompt is up (typed earlier, the terminal would still echo it).
        var environment = anna.environment
        environment["QS_FIELDCLIENT"] = try Binaries.path("fieldclient")
        environment["QS_TYPED"] = Client.passphrase
        let unlock = try Command.run(
            "/bin/sh",
            ["-c", "(sleep 3; printf '%s\\n' \"$QS_TYPED\") | script -qec \"$QS_FIELDCLIENT unlock --for 10m\" /dev/null"],
            environment: environment)
        #expect(unlock.status == 0, "\(unlock.stdout) \(unlock.stderr)")
        #expect(unlock.stdout.contains("Passphrase des Speichers"))
        #expect(unlock.stdout.contains("Entsperrt für 10m"))
        #expect(!unlock.stdout.contains(Client.passphrase), "the passphrase is not echoed")
        defer { _ = try? anna.run(["lock"]) }
        let households = try anna.json(["households"]) as! [[String: Any]]
        let door = String((households[0]["id"] as! String).prefix(8))
        let interview = try anna.run(
            ["collect", "nachbarschaft-2026", "--household", door],
            input: "25.11.2026\n\n2\n5\n34\n3\n1\nRuhig\n1 3\n7,5\n3\nskip\nf\n")
        #expect(interview.status == 0, "\(interview.stderr)")
        try anna.ok(["visit", door, "--outcome", "interviewed"])
        try anna.ok(["sync"])
        let list = try anna.json(["list"]) as! [[String: Any]]
        #expect(list.count == 1)
        try anna.ok(["show", list[0]["id"] as! String])
        let lock = try anna.run(["lock"])
        #expect(lock.status == 0)
        #expect(lock.stdout.contains("Gesperrt"))
        let locked = try anna.run(["list"])
        #expect(locked.status == 77)
    }

    @Test("a tampered state: the record is named, the others keep working, and a sync restores it from the server")
    func tamperedRecord() throws {
        let anna = try joined("anna")
        let households = try anna.json(["households"]) as! [[String: Any]]
        let door = households[0]["id"] as! String
        let before = try anna.showText(door)
        // One bit of the door's sealed state flipped, straight in the file.
        let queue = try DatabaseQueue(path: anna.store)
        try queue.write { db in
            var sealed = try #require(try Data.fetchOne(db, sql: "SELECT state FROM records WHERE id = ?", arguments: [door]))
            sealed[sealed.count - 20] ^= 0x01
            try db.execute(sql: "UPDATE records SET state = ? WHERE id = ?", arguments: [sealed, door])
        }
        try queue.close()
        let show = try anna.run(["show", door])
        #expect(show.status == ExitStatus.storeFailure.rawValue)
        #expect(show.stderr.contains(door) && show.stderr.contains("damaged"), "\(show.stderr)")
        let listed = try anna.run(["households", "--json"])
        #expect(listed.status == 0)
        #expect(listed.stderr.contains(door))
        #expect((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as! [Any]).count == households.count - 1)
        #expect((try anna.json(["status"]) as! [String: Any])["damaged"] as? [String] == [door])
        // The others keep working.
        let other = String((households[1]["id"] as! String).prefix(8))
        try anna.ok(["visit", other, "--outcome", "not-home"])
        try anna.ok(["sync"])
        #expect(try anna.showText(door) == before)
        #expect((try anna.json(["status"]) as! [String: Any])["damaged"] as? [String] == [])
    }

    @Test("encrypt turns a plain store into an encrypted one that keeps every record and leaves no plain file")
    func encryptPlainStore() throws {
        let bert = try joined("bert", extra: ["--no-encryption"])
        let marker = "Markierung\(UUID().uuidString.prefix(8))"
        _ = try recordWithMarker(bert, marker: marker)
        let listBefore = try bert.ok(["list", "--json"])
        try bert.ok(["encrypt"])
        #expect((try bert.json(["status"]) as! [String: Any])["encrypted"] as? Bool == true)
        #expect(try bert.ok(["list", "--json"]) == listBefore)
        for (name, bytes) in try bytesUnderStoreFolder(bert) {
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "marker found in \(name)")
            #expect(!name.hasSuffix(".encrypting"))
        }
        var locked = bert
        locked.environment["FIELDCLIENT_PASSPHRASE"] = ""
        #expect(try locked.run(["list"]).status == 77)
        try bert.ok(["sync"])
        let again = try bert.run(["encrypt"])
        #expect(again.status == ExitStatus.usage.rawValue)
        #expect(again.stderr.contains("already encrypted"))
    }

    /// Every row of every table of the client's store, as text (the file's bytes change when
    /// SQLite folds its write-ahead log in, which is no change of content).
    private func contents(of client: Client) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: client.store, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            try ["device", "sync_state", "surveys", "records", "encryption"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map { "\(table): \($0)" }
            }
        }
    }

    @Test("join on a terminal asks for the new passphrase twice, without echo, and encrypts the store with it")
    func joinOnATerminal() throws {
        var client = Client("carla", in: server.directory)
        client.environment["FIELDCLIENT_PASSPHRASE"] = ""
        client.environment["LANG"] = "de_DE.UTF-8"
        var environment = client.environment
        environment["QS_FIELDCLIENT"] = try Binaries.path("fieldclient")
        environment["QS_TYPED"] = "Am Brunnen vor dem Tore"
        environment["QS_ARGUMENTS"] = "join \(server.url) \(try server.code(for: "carla"))"
        let join = try Command.run(
            "/bin/sh",
            [
                "-c",
                "(sleep 3; printf '%s\\n' \"$QS_TYPED\"; sleep 1; printf '%s\\n' \"$QS_TYPED\") "
                    + "| script -qec \"$QS_FIELDCLIENT $QS_ARGUMENTS\" /dev/null",
            ],
            environment: environment)
        #expect(join.status == 0, "\(join.stdout) \(join.stderr)")
        #expect(join.stdout.contains("Neue Passphrase"))
        #expect(join.stdout.contains("Passphrase wiederholen"))
        #expect(!join.stdout.contains("Am Brunnen"), "the passphrase is not echoed")
        #expect(try client.run(["list"]).status == 77)
        client.environment["FIELDCLIENT_PASSPHRASE"] = "Am Brunnen vor dem Tore"
        #expect((try client.json(["status"]) as! [String: Any])["encrypted"] as? Bool == true)
    }

    @Test("Ctrl-C at a passphrase prompt leaves the terminal echoing, and join works again on the same store")
    func interruptedPrompt() throws {
        var client = Client("dora", in: server.directory)
        client.environment["FIELDCLIENT_PASSPHRASE"] = ""
        client.environment["LANG"] = "de_DE.UTF-8"
        var environment = client.environment
        environment["QS_FIELDCLIENT"] = try Binaries.path("fieldclient")
        environment["QS_ARGUMENTS"] = "join \(server.url) \(try server.code(for: "dora"))"
        // bash ignores the Ctrl-C itself, so that `stty` reports the terminal fieldclient left behind.
        let interrupted = try Command.run(
            "/bin/sh",
            [
                "-c",
                "(sleep 3; printf '\\003'; sleep 1) | script -qec "
                    + "\"bash -c 'trap : INT; $QS_FIELDCLIENT $QS_ARGUMENTS; stty -a'\" /dev/null",
            ],
            environment: environment)
        #expect(interrupted.stdout.contains("Neue Passphrase"), "\(interrupted.stdout)")
        let settings = interrupted.stdout.split(whereSeparator: { $0 == " " || $0 == ";" || $0.isNewline })
        #expect(settings.contains("echo") && !settings.contains("-echo"), "\(interrupted.stdout)")
        client.environment["FIELDCLIENT_PASSPHRASE"] = "Am Brunnen vor dem Tore"
        try client.ok(["join", server.url, try server.code(for: "dora")])
        #expect((try client.json(["status"]) as! [String: Any])["encrypted"] as? Bool == true)
    }

    private func answersFile() throws -> String {
        let url = server.directory.appendingPathComponent("answers-\(UUID()).json")
        try JSONSerialization.data(withJSONObject: [
            "datum": "2026-11-25", "wohndauer": "jahre_1_5", "haushalt": 3, "kinder": 1, "gefaellt": "Die Nachbarn",
            "probleme": ["verkehr"], "mitmachen": "nein",
        ]).write(to: url)
        return url.path
    }
}
