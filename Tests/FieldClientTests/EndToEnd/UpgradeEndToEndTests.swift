import Foundation
import GRDB
import SyncModel
import Testing

/// A server database and client stores written by the version before the visit log
/// (Fixtures/upgrade, see its README) work with this build, with every visit intact.
@Suite("Upgrade from stores before the visit log", .serialized)
struct UpgradeEndToEndTests {
    static let doors = (1...4).map { "11111111-0000-4000-8000-00000000000\($0)" }

    /// Copies the fixtures into a new folder, starts a server on the old database and points the old stores at it.
    static func start() throws -> (server: TestServer, clients: [String: Client]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fc-upgrade-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixtures = Fixtures.root.appendingPathComponent("Fixtures/upgrade")
        let database = folder.appendingPathComponent("server.sqlite")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("server.sqlite"), to: database)
        let server = try TestServer(database: database.path, setUp: false)
        var clients: [String: Client] = [:]
        for name in ["anna", "ben", "tina"] {
            let client = Client(name, in: folder)
            let store = URL(fileURLWithPath: client.store)
            try FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent("client-\(name).sqlite"), to: store)
            let queue = try DatabaseQueue(path: store.path)
            try queue.write { try $0.execute(sql: "UPDATE device SET server_url = ?", arguments: [server.url]) }
            clients[name] = client
        }
        return (server, clients)
    }

    static func visits(_ client: Client, _ door: String) throws -> [[String: Any]] {
        try client.show(door)["visits"] as! [[String: Any]]
    }

    @Test("old doors read as visits before any sync: a three-way conflict is three visits and no conflict")
    func oldStoreReadsVisits() throws {
        let (_, clients) = try Self.start()
        let tina = clients["tina"]!
        let door = try tina.show(Self.doors[1])
        #expect((door["conflicts"] as! [Any]).isEmpty)
        #expect(door["doorStatus"] as? String == "refused")
        let visits = door["visits"] as! [[String: Any]]
        #expect(Set(visits.map { "\($0["by"]!) \($0["outcome"]!)" }) == ["anna not-home", "ben revisit", "tina refused"])
        #expect(visits.first { $0["by"] as? String == "ben" }?["note"] as? String == "Nach 18 Uhr")
        #expect((try tina.json(["conflicts"]) as! [Any]).isEmpty)
    }

    @Test("the old server and stores sync with this build, and every old visit arrives everywhere")
    func upgradeKeepsEveryVisit() throws {
        let (server, clients) = try Self.start()
        let (anna, ben, tina) = (clients["anna"]!, clients["ben"]!, clients["tina"]!)
        // New visits next to the old ones, then everyone syncs twice.
        try ben.ok(["visit", Self.doors[1], "--outcome", "interviewed"])
        try tina.ok(["visit", Self.doors[0], "--outcome", "revisit"])
        for client in [anna, ben, tina, anna, ben, tina] { try client.ok(["sync"]) }
        for client in [anna, ben, tina] {
            let first = try Self.visits(client, Self.doors[0])
            #expect(Set(first.map { "\($0["by"]!) \($0["outcome"]!)" }) == ["anna not-home", "tina revisit"])
            #expect(first.contains { $0["note"] as? String == "Klingel kaputt" })
            let second = try Self.visits(client, Self.doors[1])
            #expect(second.count == 4)
            #expect((try client.show(Self.doors[1]))["doorStatus"] as? String == "interviewed")
            // Anna's visit that was still pending in her old store.
            let third = try Self.visits(client, Self.doors[2])
            #expect(third.map { "\($0["by"]!) \($0["outcome"]!) \($0["note"]!)" } == ["anna interviewed 2. OG links"])
            #expect((try client.json(["conflicts"]) as! [Any]).isEmpty)
            #expect((try client.json(["list"]) as! [Any]).count == (client.store == ben.store ? 1 : client.store == anna.store ? 1 : 2))
        }
        _ = server
    }

    @Test("status counts review work in the old stores, and a question asked now reaches the interviewer's count")
    func oldStoreStatusCountsReview() throws {
        let (server, clients) = try Self.start()
        let (anna, tina) = (clients["anna"]!, clients["tina"]!)
        let before = try tina.json(["status"]) as! [String: Any]
        #expect(before["waitingForReview"] as? Int == 1, "anna's final response waits for the trainer")
        #expect(before["openQuestions"] as? Int == 0)
        let responses = try tina.json(["list"]) as! [[String: Any]]
        let final = try #require(responses.first { $0["status"] as? String == "final" }?["id"] as? String)
        try tina.ok(["review", final, "--ask", "Wie viele Personen?"])
        #expect((try tina.json(["status"]) as! [String: Any])["waitingForReview"] as? Int == 0)
        try tina.ok(["sync"])
        #expect((try anna.json(["status"]) as! [String: Any])["openQuestions"] as? Int == 0)
        try anna.ok(["sync"])
        #expect((try anna.json(["status"]) as! [String: Any])["openQuestions"] as? Int == 1)
        _ = server
    }
}
