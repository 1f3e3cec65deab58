import Foundation
import GRDB
import SyncModel
import Testing

@testable import fieldclient

/// The built `fieldclient` against several `syncserver` processes on one PostgreSQL database,
/// and across a move from SQLite to PostgreSQL.
@Suite(
    "fieldclient against syncserver on PostgreSQL: several instances, and a move from SQLite",
    .serialized, .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL (scripts/test sets it)"))
struct ScaleOutEndToEndTests {
    private let answers: [String: Any] = [
        "datum": "2026-11-25", "wohndauer": "jahre_1_5", "haushalt": 3, "kinder": 1, "gefaellt": "Die Nachbarn",
        "probleme": ["verkehr"], "mitmachen": "nein",
    ]

    /// Writes `answers` to a file for `record --answers`.
    private func answersFile(in directory: URL, _ values: [String: Any]) throws -> String {
        let path = directory.appendingPathComponent("answers-\(UUID()).json").path
        try JSONSerialization.data(withJSONObject: values).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Joins `name` to `server`.
    private func join(_ name: String, _ server: TestServer, codeFrom admin: TestServer, trainer: Bool = false) throws -> Client {
        let client = Client(name, in: admin.directory)
        try client.ok(["join", server.url, try admin.code(for: name, trainer: trainer), "--name", "\(name)-laptop"])
        return client
    }

    /// Runs `sync` on every client at the same time and requires each to succeed.
    private func syncAtOnce(_ clients: [Client]) throws {
        let results = ResultsBox(count: clients.count)
        DispatchQueue.concurrentPerform(iterations: clients.count) { index in
            results.set(index, Result { try clients[index].run(["sync"]) })
        }
        for (index, result) in results.all.enumerated() {
            let output = try result.get()
            #expect(output.status == 0, "client \(index) sync: \(output.stderr)")
        }
    }

    /// The ids a client lists.
    private func ids(_ client: Client) throws -> Set<String> {
        Set((try client.json(["list"]) as! [[String: Any]]).map { $0["id"] as! String })
    }

    @Test("clients syncing to two instances at the same time converge, with the same conflicts")
    func twoInstancesConverge() throws {
        let db = try TestPostgres.makeDatabase()
        let first = try TestServer(database: db)
        let second = try TestServer(database: db, setUp: false)
        defer { first.stop(); second.stop() }
        let anna = try join("anna", first, codeFrom: first)
        let bert = try join("bert", second, codeFrom: first)
        let tina = try join("tina", second, codeFrom: first, trainer: true)
        let shared = try anna.ok(["record", "nachbarschaft-2026", "--answers", try answersFile(in: first.directory, answers)])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try anna.ok(["sync"])
        try tina.ok(["sync"])
        let door = (try anna.json(["households"]) as! [[String: Any]])[5]["id"] as! String
        // Offline, every device writes: new interviews, and anna and tina edit the same answer and door.
        for client in [anna, bert, tina] {
            for household in 0..<5 {
                var values = answers
                values["haushalt"] = household + 2
                try client.ok(["record", "nachbarschaft-2026", "--answers", try answersFile(in: first.directory, values)])
            }
        }
        try anna.ok(["edit", shared, "--set", "haushalt=4"])
        try tina.ok(["edit", shared, "--set", "haushalt=5"])
        try anna.ok(["visit", door, "--outcome", "not-home"])
        try tina.ok(["visit", door, "--outcome", "refused"])
        // All sync at once through different instances, then once more each to see the others.
        try syncAtOnce([anna, bert, tina])
        try syncAtOnce([anna, bert, tina])
        #expect(try anna.showText(shared) == tina.showText(shared))
        #expect(try anna.showText(door) == tina.showText(door))
        #expect(try bert.showText(door) == tina.showText(door))
        let annaConflicts = try anna.json(["conflicts"]) as! [[String: Any]]
        let tinaConflicts = try tina.json(["conflicts"]) as! [[String: Any]]
        // The two visits are entries of the door's visit log, not a conflict.
        #expect(Set(annaConflicts.map { $0["id"] as! String }) == [shared])
        #expect(Set(tinaConflicts.map { $0["id"] as! String }) == [shared])
        #expect(((try tina.show(door))["visits"] as! [Any]).count == 2)
        let siblings = try #require(((try tina.show(shared))["conflicts"] as! [[String: Any]]).first)["siblings"]
        #expect(Set((siblings as! [[String: Any]]).map { $0["value"] as! Int }) == [4, 5])
        // The trainer sees all 16 responses; each participant their own 6 or 5.
        #expect(try ids(tina).count == 16)
        #expect(try ids(anna).isSubset(of: try ids(tina)) && ids(anna).count == 6)
        #expect(try ids(bert).isSubset(of: try ids(tina)) && ids(bert).count == 5)
        for id in try ids(tina) where try ids(anna).contains(id) {
            #expect(try anna.showText(id) == tina.showText(id))
        }
    }

    /// Turns the stored states of `ids` back into the JSON an older server stored, and returns how
    /// many states of the file are then in the binary form and how many are JSON.
    private func storeAsJSON(_ ids: [String], in path: String) throws -> (binary: Int, json: Int) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.write { db in
            for id in ids {
                let key = try #require(UUID(uuidString: id)).uuidString
                let state = try #require(try Data.fetchOne(db, sql: "SELECT state FROM records WHERE id = ?", arguments: [key]))
                let json = try JSONEncoder().encode(try StoredRecordEncoding.decode(state))
                try db.execute(sql: "UPDATE records SET state = ? WHERE id = ?", arguments: [json, key])
            }
            let first = try Data.fetchAll(db, sql: "SELECT substr(state, 1, 1) FROM records").map { $0.first }
            return (first.filter { $0 == StoredRecordEncoding.marker }.count, first.filter { $0 == UInt8(ascii: "{") }.count)
        }
    }

    @Test("a deployment moved from SQLite to PostgreSQL loses nothing, even a write the copy missed")
    func moveFromSQLite() throws {
        let sqlite = try TestServer()
        defer { sqlite.stop() }
        let anna = try join("anna", sqlite, codeFrom: sqlite)
        let bert = try join("bert", sqlite, codeFrom: sqlite)
        let tina = try join("tina", sqlite, codeFrom: sqlite, trainer: true)
        var recorded: Set<String> = []
        var annas: [String] = []
        for client in [anna, bert] {
            for _ in 0..<3 {
                let id = try client.ok(["record", "nachbarschaft-2026", "--answers", try answersFile(in: sqlite.directory, answers)])
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                recorded.insert(id)
                if client.store == anna.store { annas.append(id) }
            }
            try client.ok(["sync"])
        }
        try tina.ok(["sync"])
        #expect(try ids(tina) == recorded)
        // Tina edits offline; she syncs only after the move.
        let edited = try #require(annas.first)
        try tina.ok(["edit", edited, "--set", "haushalt=7"])

        // Two of anna's responses are stored as JSON, as an older server stored them; the rest in binary.
        let forms = try storeAsJSON(Array(annas.prefix(2)), in: sqlite.database)
        #expect(forms == (binary: 6 + 40 - 2, json: 2))

        let db = try TestPostgres.makeDatabase()
        let moved = try Command.run(
            try Binaries.path("syncserver"), ["migrate", "--from", "sqlite:\(sqlite.database)", "--to", db, "--json"])
        #expect(moved.status == 0, "\(moved.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(moved.stdout.utf8)) as! [String: Any]
        #expect(summary["records"] as? Int == 6 + 40)
        #expect(summary["devices"] as? Int == 3)
        // PostgreSQL holds every moved state in the binary form.
        let stored = try Command.run(
            "/usr/bin/env",
            ["psql", db, "-XAtc", "SELECT count(*) FILTER (WHERE get_byte(state, 0) = \(StoredRecordEncoding.marker)) FROM records"])
        #expect(stored.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "\(6 + 40)", "\(stored.stderr)")
        // The SQLite server was not stopped in time: bert writes once more there, and tina reads it.
        let late = try bert.ok(["record", "nachbarschaft-2026", "--answers", try answersFile(in: sqlite.directory, answers)])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try bert.ok(["sync"])
        try tina.ok(["sync"])
        #expect(try ids(tina).contains(late))
        sqlite.stop()
        // The same address now serves PostgreSQL; bert never syncs again, tina relays his late write.
        let postgres = try TestServer(database: db, setUp: false, port: sqlite.port)
        defer { postgres.stop() }
        try tina.ok(["sync"])
        try anna.ok(["sync"])
        #expect(try ids(tina) == recorded.union([late]))
        let trainerView = try join("tom", postgres, codeFrom: postgres, trainer: true)
        #expect(try ids(trainerView) == recorded.union([late]))
        #expect(((try anna.show(edited))["values"] as! [String: Any])["haushalt"] as? Int == 7)
        #expect(try anna.showText(edited) == tina.showText(edited))
        #expect(try trainerView.showText(edited) == tina.showText(edited))
    }
}

/// Results written by concurrent iterations.
final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<ProcessResult, any Error>]

    /// Room for `count` results.
    init(count: Int) { results = Array(repeating: .failure(TestFailure("not run")), count: count) }

    /// Stores one result.
    func set(_ index: Int, _ result: Result<ProcessResult, any Error>) { lock.withLock { results[index] = result } }

    /// Every result.
    var all: [Result<ProcessResult, any Error>] { lock.withLock { results } }
}
