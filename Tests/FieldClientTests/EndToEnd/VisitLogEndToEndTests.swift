import Foundation
import GRDB
import SyncFixtures
import SyncModel
import Testing
@testable import fieldclient

/// Door visits as a log, `households --todo`, withdrawals and the trainer's review, with the built
/// `fieldclient` against a real `syncserver`.
@Suite("Visit log and review end to end", .serialized)
struct VisitLogEndToEndTests {
    let server: TestServer

    init() throws {
        server = try TestServer()
    }

    private func joined(_ name: String, trainer: Bool = false) throws -> Client {
        let client = Client(name, in: server.directory)
        try client.ok(["join", server.url, try server.code(for: name, trainer: trainer), "--name", "\(name)-laptop"])
        return client
    }

    private func visits(_ client: Client, _ door: String) throws -> [[String: Any]] {
        try client.show(door)["visits"] as! [[String: Any]]
    }

    @Test(
        "three devices visit one door while apart and sync in any order: no conflict, one status, all three visits",
        arguments: [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]])
    func threeDevicesOneDoor(order: [Int]) throws {
        let devices = [try joined("anna"), try joined("ben"), try joined("tina", trainer: true)]
        let door = (try devices[0].json(["households"]) as! [[String: Any]])[5]["id"] as! String
        try devices[0].ok(["visit", door, "--outcome", "not-home"])
        try devices[1].ok(["visit", door, "--outcome", "revisit", "--note", "Nach 18 Uhr"])
        try devices[2].ok(["visit", door, "--outcome", "refused", "--note", "Kein Interesse"])
        for index in order + order { try devices[index].ok(["sync"]) }
        for device in devices {
            let shown = try device.show(door)
            #expect((shown["conflicts"] as! [Any]).isEmpty)
            #expect(shown["doorStatus"] as? String == "refused")
            let visits = shown["visits"] as! [[String: Any]]
            #expect(Set(visits.map { $0["by"] as! String }) == ["anna", "ben", "tina"])
            #expect(Set(visits.map { $0["outcome"] as! String }) == ["not-home", "revisit", "refused"])
            #expect((try device.json(["conflicts"]) as! [Any]).isEmpty)
        }
        #expect(try devices[0].showText(door) == devices[2].showText(door))
        let text = try devices[1].run(["show", door], environment: GermanTerminal.environment).stdout
        #expect(text.contains("ABGELEHNT – nicht mehr klingeln"))
        #expect(text.contains("Besuche (neueste zuerst):"))
    }

    @Test("an interview finalized at a door records one visit 'interviewed' there, from an interview, from record and from finalize")
    func finalInterviewVisitsTheDoor() throws {
        let anna = try joined("anna")
        let tina = try joined("tina", trainer: true)
        let doors = (try anna.json(["households"]) as! [[String: Any]]).map { $0["id"] as! String }
        let answers = server.directory.appendingPathComponent("antworten.json")
        try Data(#"{"datum":"2026-11-25","wohndauer":"jahre_1_5","haushalt":2,"kinder":0,"gefaellt":"Ruhig","probleme":["verkehr"],"mitmachen":"nein"}"#.utf8)
            .write(to: answers)
        // An interview in a German terminal, finalized at its end.
        let interview = try anna.run(
            ["collect", "nachbarschaft-2026", "--household", doors[0]],
            input: "heute\n\n2\n34\n3\n1\nRuhig und grün\n1 3\n7,5\n3\nweiter\na\n", environment: GermanTerminal.environment)
        #expect(interview.stdout.contains("Die Tür ist als besucht eingetragen: befragt."), "\(interview.stdout)")
        // record --finalize, and a draft finalized later (twice: the second changes nothing).
        let atDoor = try anna.ok(["record", "nachbarschaft-2026", "--answers", answers.path, "--finalize", "--household", doors[1]])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        // show names the door by its address, as the door list does.
        let door = try #require((try anna.json(["households"]) as! [[String: Any]]).first { $0["id"] as? String == doors[1] })
        let values = door["values"] as! [String: Any]
        let address = "\(values["street"]!) \(values["houseNumber"]!), \(values["postcode"]!)"
        #expect(
            try anna.run(["show", atDoor], environment: GermanTerminal.environment).stdout
                .contains("Haushalt:   \(address) (\(doors[1].prefix(8)))"))
        let draft = try anna.ok(["record", "nachbarschaft-2026", "--answers", answers.path, "--household", doors[2]])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try visits(anna, doors[2]).isEmpty, "a draft is no visit yet")
        try anna.ok(["finalize", draft])
        try anna.ok(["finalize", draft])
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        for door in doors[0...2] {
            let shown = try tina.show(door)
            #expect(shown["doorStatus"] as? String == "interviewed", "\(door)")
            #expect((shown["visits"] as! [[String: Any]]).map { $0["outcome"] as! String } == ["interviewed"], "\(door)")
        }
        let todo = (try anna.json(["households", "--todo"]) as! [[String: Any]]).map { $0["id"] as! String }
        #expect(Set(todo).isDisjoint(with: doors[0...2]))
    }

    @Test("households --todo: never visited first, then by the age of the last visit; interviewed and refused left out")
    func toDo() throws {
        let anna = try joined("anna")
        let doors = (try anna.json(["households", "--street", "linden"]) as! [[String: Any]]).map { $0["id"] as! String }
        try #require(doors.count >= 6)
        // German words as participants type them, and the codes.
        try anna.ok(["visit", doors[0], "--outcome", "wiederkommen"])
        try anna.ok(["visit", doors[1], "--outcome", "nicht zu Hause"])
        try anna.ok(["visit", doors[2], "--outcome", "interviewed"])
        try anna.ok(["visit", doors[3], "--outcome", "refused"])
        try anna.ok(["visit", doors[4], "--outcome", "not-home"])
        try anna.ok(["visit", doors[4], "--outcome", "refused"])
        let todo = (try anna.json(["households", "--street", "linden", "--todo"]) as! [[String: Any]]).map { $0["id"] as! String }
        #expect(!todo.contains(doors[2]))
        #expect(!todo.contains(doors[3]))
        #expect(!todo.contains(doors[4]))
        #expect(Array(todo.suffix(2)) == [doors[0], doors[1]])
        #expect(Set(todo.dropLast(2)) == Set(doors.dropFirst(5)))
        let all = try anna.json(["households", "--street", "linden"]) as! [[String: Any]]
        let numbers = all.map { (($0["values"] as! [String: Any])["houseNumber"] as! String) }
        #expect(numbers == numbers.sorted { DoorOrder.precedes("", $0, "", $1) })
        let table = try anna.run(["households", "--street", "linden"], environment: GermanTerminal.environment).stdout
        #expect(table.contains("ABGELEHNT"))
        #expect(table.contains("BESUCHE"))
        // As people type street names: ß as ss, umlauts spelled out, str. for straße.
        for typed in ["strasse", "LINDENSTR.", "muehl"] {
            #expect(!(try anna.json(["households", "--street", typed]) as! [Any]).isEmpty, "\(typed)")
        }
        let unknown = try anna.run(["visit", doors[5], "--outcome", "nicht da"], environment: GermanTerminal.environment)
        #expect(unknown.status == ExitStatus.usage.rawValue)
        #expect(unknown.stderr.contains("„nicht da“ ist kein Ergebnis eines Besuchs. Möglich sind: befragt, nicht-zu-hause"), "\(unknown.stderr)")
        let none = try anna.run(["households", "--street", "eichen"], environment: GermanTerminal.environment)
        #expect(
            none.stdout.contains(
                "Keine Straße auf diesem Gerät enthält „eichen“. Die Straßen sind: Am Mühlbach, Goethestraße, Kastanienweg, Lindenstraße."),
            "\(none.stdout)")
    }

    @Test("a visit is withdrawn by its visitor or a trainer; others are refused, and the withdrawal replicates")
    func withdraw() throws {
        let anna = try joined("anna")
        let ben = try joined("ben")
        let tina = try joined("tina", trainer: true)
        let door = (try anna.json(["households"]) as! [[String: Any]])[2]["id"] as! String
        try anna.ok(["visit", door, "--outcome", "refused"])
        try anna.ok(["sync"])
        try ben.ok(["sync"])
        let visit = try #require(try visits(ben, door).first?["id"] as? String)
        let refused = try ben.run(["visit", door, "--withdraw", String(visit.prefix(8))], environment: GermanTerminal.environment)
        #expect(refused.status == ExitStatus.unauthorized.rawValue)
        #expect(refused.stderr.contains("Zurückziehen darf ihn nur"))
        let both = try anna.run(["visit", door, "--outcome", "revisit", "--withdraw", visit])
        #expect(both.status == ExitStatus.usage.rawValue)
        let resolve = try anna.run(["resolve", door, "visit.\(visit)", "--value", "x"], environment: GermanTerminal.environment)
        #expect(resolve.status == ExitStatus.usage.rawValue)
        #expect(resolve.stderr.contains("nie ein Konflikt"))
        try tina.ok(["sync"])
        try tina.ok(["visit", door, "--withdraw", String(visit.prefix(8))])
        try tina.ok(["sync"])
        try anna.ok(["sync"])
        let shown = try anna.show(door)
        #expect(shown["doorStatus"] as? String == "not-visited")
        #expect((shown["visits"] as! [[String: Any]]).first?["withdrawnBy"] as? [String] == ["tina"])
    }

    @Test("a trainer's question reaches the interviewer on the next sync, the reply reaches the trainer, status counts it")
    func review() throws {
        let anna = try joined("anna")
        let tina = try joined("tina", trainer: true)
        let answers = server.directory.appendingPathComponent("answers.json")
        try JSONSerialization.data(withJSONObject: [
            "datum": "2026-11-25", "wohndauer": "jahre_1_5", "haushalt": 3, "kinder": 1, "gefaellt": "Die Nachbarn",
            "probleme": ["verkehr"], "mitmachen": "nein",
        ]).write(to: answers)
        let id = try anna.ok(["record", "nachbarschaft-2026", "--answers", answers.path, "--finalize"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        #expect((try tina.json(["list", "--review"]) as! [[String: Any]]).map { $0["id"] as! String } == [id])
        // A participant may not ask, only reply.
        #expect(try anna.run(["review", id, "--ok"]).status == ExitStatus.unauthorized.rawValue)
        try tina.ok(["review", String(id.prefix(8)), "--ask", "Haushaltsgröße fehlt, bitte nachfragen"])
        #expect((try tina.json(["list", "--review"]) as! [Any]).isEmpty)
        try tina.ok(["sync"])
        #expect((try anna.json(["status"]) as! [String: Any])["openQuestions"] as? Int == 0)
        try anna.ok(["sync"])
        #expect((try anna.json(["status"]) as! [String: Any])["openQuestions"] as? Int == 1)
        #expect((try anna.json(["list", "--review"]) as! [[String: Any]]).map { $0["id"] as! String } == [id])
        let german = try anna.run(["show", id], environment: GermanTerminal.environment).stdout
        #expect(german.contains("Durchsicht: Rückfrage offen"))
        #expect(german.contains("Haushaltsgröße fehlt, bitte nachfragen"))
        try anna.ok(["review", id, "--reply", "Drei Personen, ist nachgetragen"])
        #expect((try anna.json(["status"]) as! [String: Any])["openQuestions"] as? Int == 0)
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        let shown = try tina.show(id)
        #expect(shown["review"] as? String == "answered")
        #expect((shown["reviewMessages"] as! [[String: Any]]).map { $0["text"] as! String }.last == "Drei Personen, ist nachgetragen")
        #expect((try tina.json(["list", "--review"]) as! [[String: Any]]).map { $0["id"] as! String } == [id])
        try tina.ok(["review", id, "--close"])
        try tina.ok(["sync"])
        try anna.ok(["sync"])
        #expect((try anna.show(id))["review"] as? String == "closed")
        // Another participant never receives the response, nor its review.
        let ben = try joined("ben")
        #expect((try ben.json(["list"]) as! [Any]).isEmpty)
        #expect(try ben.run(["show", id]).status == ExitStatus.notFound.rawValue)
        let empty = try anna.run(["review", id, "--reply", "  "])
        #expect(empty.status == ExitStatus.usage.rawValue)
    }

    @Test("collect at a refused door: through a pipe it refuses without --despite-refusal, in German")
    func collectAtRefusedDoor() throws {
        let anna = try joined("anna")
        let door = (try anna.json(["households"]) as! [[String: Any]])[1]["id"] as! String
        try anna.ok(["visit", door, "--outcome", "refused"])
        let refused = try anna.run(
            ["collect", "nachbarschaft-2026", "--household", door], input: "25.11.2026\n", environment: GermanTerminal.environment)
        #expect(refused.status == ExitStatus.usage.rawValue)
        #expect(refused.stderr.contains("als abgelehnt markiert"))
        #expect(refused.stderr.contains("--despite-refusal"))
        #expect((try anna.json(["list"]) as! [Any]).isEmpty)
        let interview = try anna.run(
            ["collect", "nachbarschaft-2026", "--household", door, "--despite-refusal"],
            input: "25.11.2026\n\n2\n34\n3\n1\nRuhig hier\n1 3\n7,5\n3\nweiter\na\n", environment: GermanTerminal.environment)
        #expect(interview.status == 0, "\(interview.stderr)")
        #expect((try anna.json(["list"]) as! [Any]).count == 1)
    }

    @Test("collect at a refused door in a German terminal asks first; 'n' starts nothing, 'j' starts the interview")
    func collectAtRefusedDoorInTerminal() throws {
        let anna = try joined("anna")
        let door = (try anna.json(["households"]) as! [[String: Any]])[1]["id"] as! String
        try anna.ok(["visit", door, "--outcome", "refused"])
        // `script` gives fieldclient a pseudo-terminal as standard input and output.
        let line = "'\(try Binaries.path("fieldclient"))' collect nachbarschaft-2026 --household \(door)"
        let environment = anna.environment.merging(GermanTerminal.environment) { $1 }
        let declined = try Command.run("/usr/bin/script", ["-qec", line, "/dev/null"], input: "n\n", environment: environment)
        #expect(declined.stdout.contains("als abgelehnt markiert"), "\(declined.stdout)")
        #expect(declined.stdout.contains("Trotzdem dort befragen? (j/n)"), "\(declined.stdout)")
        #expect(declined.stdout.contains("Nicht begonnen"), "\(declined.stdout)")
        #expect(declined.status == ExitStatus.usage.rawValue)
        #expect((try anna.json(["list"]) as! [Any]).isEmpty)
        let accepted = try Command.run(
            "/usr/bin/script", ["-qec", line, "/dev/null"], input: "j\n25.11.2026\n\n2\n34\n3\n1\nRuhig\n1 3\n7,5\n3\nweiter\na\n",
            environment: environment)
        #expect(accepted.status == 0, "\(accepted.stdout)")
        #expect((try anna.json(["list"]) as! [Any]).count == 1)
    }
}
