import Foundation
import GRDB
import SyncFixtures
import SyncModel
import Testing
@testable import fieldclient

#if canImport(Glibc)
    import Glibc
#endif

/// The built `fieldclient` against a real `syncserver` process, with two or three client stores.
@Suite("fieldclient end to end", .serialized)
struct FieldClientEndToEndTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
    }

    private func joined(_ name: String, trainer: Bool = false) throws -> Client {
        let client = Client(name, in: server.directory)
        try client.ok(["join", server.url, try server.code(for: name, trainer: trainer), "--name", "\(name)-laptop"])
        return client
    }

    private func writeAnswers(_ answers: [String: Any]) throws -> String {
        let path = server.directory.appendingPathComponent("answers-\(UUID()).json").path
        try JSONSerialization.data(withJSONObject: answers).write(to: URL(fileURLWithPath: path))
        return path
    }

    private let validAnswers: [String: Any] = [
        "datum": "2026-11-25", "wohndauer": "jahre_1_5", "haushalt": 3, "kinder": 1, "gefaellt": "Die Nachbarn",
        "probleme": ["verkehr"], "mitmachen": "nein",
    ]

    @Test("join, record, collect over a pipe with a wrong answer, sync, and a trainer sees it")
    func joinRecordCollect() throws {
        let anna = try joined("anna")
        #expect(try anna.ok(["surveys"]).contains("nachbarschaft-2026"))
        let households = try anna.json(["households"]) as! [[String: Any]]
        #expect(households.count == 40)
        // Invalid answers change nothing and name the question.
        let bad = try anna.run(["record", "nachbarschaft-2026", "--answers", try writeAnswers(["haushalt": 99])])
        #expect(bad.status == ExitStatus.invalidData.rawValue)
        #expect(bad.stderr.contains("haushalt"))
        #expect((try anna.json(["list"]) as! [Any]).isEmpty)
        // A valid final response.
        let id = try anna.ok(["record", "nachbarschaft-2026", "--answers", try writeAnswers(validAnswers), "--finalize"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(UUID(uuidString: id) != nil)
        // An interview through a pipe, with an out-of-range age retried.
        let door = households[0]["id"] as! String
        let interview = try anna.run(
            ["collect", "nachbarschaft-2026", "--household", String(door.prefix(8))],
            input: "25.11.2026\n\n2\n5\n34\n3\n1\nRuhig hier\n1 3\n7,5\n3\nskip\nf\n")
        #expect(interview.status == 0, "\(interview.stderr)")
        #expect(interview.stdout.contains("out of range"))
        #expect(interview.stdout.contains("Wie lange wohnen Sie schon im Quartier?"))
        let list = try anna.json(["list", "--final"]) as! [[String: Any]]
        #expect(list.count == 2)
        let collected = try #require(list.first { ($0["id"] as! String) != id })
        #expect((collected["values"] as! [String: Any])["alter"] as? Int == 34)
        #expect(collected["household"] as? String == door)
        #expect((try anna.json(["list", "--pending"]) as! [Any]).count == 2)
        try anna.ok(["sync"])
        #expect((try anna.json(["list", "--pending"]) as! [Any]).isEmpty)
        let tina = try joined("tina", trainer: true)
        let seen = try tina.json(["list"]) as! [[String: Any]]
        #expect(Set(seen.map { $0["id"] as! String }) == Set(list.map { $0["id"] as! String }))
        let status = try anna.json(["status"]) as! [String: Any]
        #expect(status["unsyncedChanges"] as? Int == 0)
        #expect(status["lastSyncAt"] as? Int != nil)
    }

    @Test("concurrent offline edits converge in either sync order; a resolution reaches everyone", arguments: [false, true])
    func concurrentEdits(trainerFirst: Bool) throws {
        let anna = try joined("anna")
        let tina = try joined("tina", trainer: true)
        let id = try anna.ok(["record", "nachbarschaft-2026", "--answers", try writeAnswers(validAnswers)])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        let door = String((try anna.json(["households"]) as! [[String: Any]])[3]["id"] as! String)
        // Offline: both change the same answer and visit the same door.
        try anna.ok(["edit", String(id.prefix(8)), "--set", "haushalt=4"])
        try tina.ok(["edit", id, "--set", "haushalt=5", "--set", "gefaellt=Der Park"])
        try anna.ok(["visit", String(door.prefix(6)), "--outcome", "not-home"])
        try tina.ok(["visit", door, "--outcome", "refused", "--note", "Kein Interesse"])
        let order = trainerFirst ? [tina, anna, tina] : [anna, tina, anna]
        for client in order { try client.ok(["sync"]) }
        #expect(try anna.showText(id) == tina.showText(id))
        #expect(try anna.showText(door) == tina.showText(door))
        let conflicts = try anna.json(["conflicts"]) as! [[String: Any]]
        // The two visits are two entries of the door's visit log, not a conflict.
        #expect(Set(conflicts.map { $0["id"] as! String }) == [id])
        #expect((try anna.show(door))["doorStatus"] as? String == "refused")
        #expect(((try anna.show(door))["visits"] as! [Any]).count == 2)
        let shown = try anna.show(id)
        let fieldConflict = try #require((shown["conflicts"] as! [[String: Any]]).first)
        #expect(fieldConflict["field"] as? String == "haushalt")
        let siblings = fieldConflict["siblings"] as! [[String: Any]]
        #expect(Set(siblings.map { $0["value"] as! Int }) == [4, 5])
        #expect((shown["values"] as! [String: Any])["gefaellt"] as? String == "Der Park")
        #expect(try anna.ok(["show", id]).contains("Resolve: fieldclient resolve"))
        // Tina keeps the second listed value; the resolution reaches anna.
        let kept = siblings[1]["value"] as! Int
        try tina.ok(["resolve", id, "haushalt", "--keep", "2"])
        try tina.ok(["sync"])
        try anna.ok(["sync"])
        for client in [anna, tina] {
            let state = try client.show(id)
            #expect((state["conflicts"] as! [Any]).isEmpty)
            #expect((state["values"] as! [String: Any])["haushalt"] as? Int == kept)
            #expect(((try client.show(door))["visits"] as! [Any]).count == 2)
        }
        #expect((try anna.json(["conflicts"]) as! [Any]).isEmpty)
        #expect(try anna.showText(id) == tina.showText(id))
        // Resolving again, or a field that never had a conflict, changes nothing and says so.
        let pending = (try anna.json(["list", "--pending"]) as! [Any]).count
        for field in ["haushalt", "gefaellt", "kontakt"] {
            let again = try anna.run(["resolve", id, field, "--keep", "1"], environment: GermanTerminal.environment)
            #expect(again.status == ExitStatus.usage.rawValue)
            #expect(again.stderr.contains("Bei '\(field)' von \(id.prefix(8)) gibt es keinen offenen Konflikt; es wurde nichts geändert."), "\(again.stderr)")
        }
        let typo = try anna.run(["resolve", id, "haushallt", "--keep", "1"], environment: GermanTerminal.environment)
        #expect(typo.stderr.contains("'haushallt' ist keine Frage des Fragebogens nachbarschaft-2026."), "\(typo.stderr)")
        #expect((try anna.json(["list", "--pending"]) as! [Any]).count == pending)
    }

    @Test("a delete against a concurrent edit keeps the record visible with a conflict on both devices")
    func deleteAgainstEdit() throws {
        let anna = try joined("anna")
        let tina = try joined("tina", trainer: true)
        let id = try anna.ok(["record", "nachbarschaft-2026", "--answers", try writeAnswers(validAnswers)])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        try anna.ok(["delete", id])
        try tina.ok(["edit", id, "--set", "alter=40"])
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        try anna.ok(["sync"])
        for client in [anna, tina] {
            let state = try client.show(id)
            #expect(state["deleted"] as? Bool == false)
            #expect((state["conflicts"] as! [[String: Any]]).first?["kind"] as? String == "editedWhileDeleted")
            #expect((state["values"] as! [String: Any])["alter"] as? Int == 40)
        }
        #expect(try anna.showText(id) == tina.showText(id))
        // Deleting again, having seen the edit, settles it everywhere.
        try anna.ok(["delete", id])
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        #expect(try tina.show(id)["deleted"] as? Bool == true)
        #expect((try tina.json(["list"]) as! [Any]).isEmpty)
    }

    @Test("with the server down nothing is lost, and a later sync completes")
    func serverUnreachable() throws {
        let anna = try joined("anna")
        let tina = try joined("tina", trainer: true)
        server.stop()
        let id = try anna.ok(["record", "nachbarschaft-2026", "--answers", try writeAnswers(validAnswers)])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let offline = try anna.run(["sync", "--retries", "0"])
        #expect(offline.status == ExitStatus.unavailable.rawValue)
        #expect(offline.stderr.contains("1 change is safe on this device"))
        #expect(offline.stderr.split(separator: "\n").count == 1)
        #expect((try anna.json(["list", "--pending"]) as! [[String: Any]]).map { $0["id"] as! String } == [id])
        try server.start()
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        #expect((try tina.json(["list"]) as! [[String: Any]]).map { $0["id"] as! String } == [id])
    }

    @Test("a revoked device is told to ask for a new code; used codes and wrong URLs are refused")
    func refusals() throws {
        let anna = try joined("anna")
        let code = try server.code(for: "bert")
        let bert = Client("bert", in: server.directory)
        try bert.ok(["join", server.url, code])
        let reused = try Client("bert2", in: server.directory).run(["join", server.url, code])
        #expect(reused.status == ExitStatus.unauthorized.rawValue)
        #expect(reused.stderr.contains("Ask your trainer for a new code"))
        let insecure = try Client("c", in: server.directory).run(["join", "http://example.org", "ABC"])
        #expect(insecure.status == ExitStatus.usage.rawValue)
        let wrongPath = try Client("d", in: server.directory).run(["join", server.url + "/nothing-here", "ABC"])
        #expect(wrongPath.status != 0)
        let status = try anna.json(["status"]) as! [String: Any]
        try server.admin(["devices", "revoke", status["deviceId"] as! String])
        let revoked = try anna.run(["sync"])
        #expect(revoked.status == ExitStatus.unauthorized.rawValue)
        #expect(revoked.stderr.contains("new enrollment code"))
        let unknown = try anna.run(["show", "abcdef12"])
        #expect(unknown.status == ExitStatus.notFound.rawValue)
    }

    @Test("a revoked laptop joined again with a new code sends the work it had not sent, an interview and a visit")
    func rejoinedLaptopSendsItsWork() throws {
        let anna = try joined("anna")
        let tina = try joined("tina", trainer: true)
        let door = "f38b2ffc"
        let status = try anna.json(["status"]) as! [String: Any]
        try server.admin(["devices", "revoke", status["deviceId"] as! String])
        let id = try anna.ok(["record", "nachbarschaft-2026", "--answers", try writeAnswers(validAnswers)])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try anna.ok(["visit", door, "--outcome", "revisit", "--note", "nach 17 Uhr"])
        #expect(try anna.run(["sync"]).status == ExitStatus.unauthorized.rawValue)
        try anna.ok(["join", server.url, try server.code(for: "anna"), "--name", "anna-laptop"])
        let synced = try anna.run(["sync"])
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stderr.isEmpty, "no rejection and no log line: \(synced.stderr)")
        #expect((try anna.json(["list", "--pending"]) as! [Any]).isEmpty)
        try tina.ok(["sync"])
        #expect((try tina.json(["list"]) as! [[String: Any]]).map { $0["id"] as! String } == [id])
        #expect(try tina.ok(["show", door]).contains("nach 17 Uhr"))
    }

    @Test("a client killed mid-sync loses and duplicates nothing when it syncs again")
    func killedMidSync() async throws {
        let anna = try joined("anna")
        let tina = try joined("tina", trainer: true)
        let count = 1500
        do {
            // Write many responses straight into anna's store, as many interviews would.
            let store = try LocalStore.openUnlocked(at: anna.store)
            let records = FieldRecords(store: store, device: try #require(try store.device()), clock: SystemWallClock())
            let survey = try #require(try store.survey(id: "nachbarschaft-2026"))
            for index in 0..<count {
                _ = try records.createResponse(
                    survey: survey, answers: ["haushalt": .integer(Int64(index % 20 + 1))], finalize: false, household: nil)
            }
        }
        try killDuringSync(anna, arguments: ["sync", "--batch-size", "20"]) { store in
            let pending = try store.pendingCount()
            return pending < count && pending > 0
        }
        let pendingAfterKill = try LocalStore.openUnlocked(at: anna.store).pendingCount()
        #expect(pendingAfterKill > 0 && pendingAfterKill < count, "the kill must land mid-push")
        try anna.ok(["sync"])
        #expect((try anna.json(["list", "--pending"]) as! [Any]).isEmpty)
        // A trainer pulling everything in small pages, killed mid-pull, then synced again.
        try killDuringSync(tina, arguments: ["sync", "--page-size", "25"]) { store in
            try store.records(matching: RecordQuery(collection: RecordCollection.responses)).count > 0
        }
        let partial = try LocalStore.openUnlocked(at: tina.store)
        #expect(try partial.records(matching: RecordQuery(collection: RecordCollection.responses)).count < count)
        try tina.ok(["sync", "--page-size", "25"])
        let seen = try tina.json(["list"]) as! [[String: Any]]
        let annas = try anna.json(["list"]) as! [[String: Any]]
        #expect(seen.count == count)
        #expect(Set(seen.map { $0["id"] as! String }) == Set(annas.map { $0["id"] as! String }))
    }

    @Test("a sync SIGKILLed at random moments (surveys, push, pull) leaves a store that opens cleanly; nothing is lost")
    func killedAtRandomMoments() throws {
        let seed = ReliabilitySettings.seed()
        TestNote.write("killedAtRandomMoments seed \(seed) (replay with QS_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        let anna = try joined("anna")
        let tina = try joined("tina", trainer: true)
        var landed = 0
        let rounds = 8
        // How long each client's sync takes on this machine, learned from the syncs that ran to their end,
        // so that the kills fall at random moments inside a sync on a fast machine as on a busy one.
        var typical: [TimeInterval] = [0.42, 0.42]
        for round in 0..<rounds {
            // New interviews before every sync, so that each one has something to push. The store is
            // closed again before fieldclient runs: a second open of one file in one process would break
            // SQLite's POSIX locks (closing any descriptor of a file drops the process's locks on it).
            do {
                let store = try LocalStore.openUnlocked(at: anna.store)
                let records = FieldRecords(store: store, device: try #require(try store.device()), clock: SystemWallClock())
                let survey = try #require(try store.survey(id: "nachbarschaft-2026"))
                for index in 0..<300 {
                    _ = try records.createResponse(
                        survey: survey, answers: ["haushalt": .integer(Int64((round + index) % 20 + 1))], finalize: false,
                        household: nil)
                }
                try (store.writer as? DatabasePool)?.close()
            }
            for (index, client) in [anna, tina].enumerated() {
                let started = Date()
                let process = try startSync(client, arguments: ["sync", "--batch-size", "20", "--page-size", "25"])
                let fraction = 0.05 + 0.85 * Double(random.index(below: 1000)) / 1000
                usleep(useconds_t(typical[index] * fraction * 1_000_000))
                let killed = process.isRunning
                if killed {
                    kill(process.processIdentifier, SIGKILL)
                    landed += 1
                }
                process.waitUntilExit()
                if !killed { typical[index] = Date().timeIntervalSince(started) }
                // The store opens cleanly and SQLite finds nothing damaged.
                let reopened = try LocalStore.openUnlocked(at: client.store)
                #expect(try reopened.writer.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
                #expect(try reopened.device() != nil)
                try (reopened.writer as? DatabasePool)?.close()
            }
        }
        TestNote.write("killedAtRandomMoments: \(landed) of \(2 * rounds) syncs killed while running")
        #expect(landed >= rounds, "most kills must land while the sync runs")
        try anna.ok(["sync"])
        try tina.ok(["sync", "--page-size", "25"])
        let written = try anna.json(["list"]) as! [[String: Any]]
        let seen = try tina.json(["list"]) as! [[String: Any]]
        #expect(written.count == 300 * rounds)
        #expect(seen.count == written.count)
        #expect(Set(seen.map { $0["id"] as! String }) == Set(written.map { $0["id"] as! String }))
        #expect((try anna.json(["list", "--pending"]) as! [Any]).isEmpty)
        for id in written.prefix(20).map({ $0["id"] as! String }) {
            #expect(try anna.showText(id) == tina.showText(id))
        }
    }

    /// Starts `fieldclient` with `arguments` on the client's store, output discarded.
    private func startSync(_ client: Client, arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Binaries.path("fieldclient"))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(client.environment) { $1 }
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        return process
    }

    /// Starts a sync and SIGKILLs it as soon as `progressed` holds for its store.
    private func killDuringSync(_ client: Client, arguments: [String], progressed: (LocalStore) throws -> Bool) throws {
        let process = try startSync(client, arguments: arguments)
        let store = try LocalStore.openUnlocked(at: client.store)
        var killed = false
        for _ in 0..<2000 where process.isRunning {
            if try progressed(store) {
                kill(process.processIdentifier, SIGKILL)
                killed = true
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        #expect(killed, "the sync ended before it could be killed")
        #expect(process.terminationReason == .uncaughtSignal || !killed)
    }
}
