import Foundation
import SyncModel
import Testing

@testable import SyncServer

@Suite("syncserver dashboard-link through the real executable", .serialized)
struct DashboardLinkCommandTests {
    @Test("It prints a link under --url (or SYNCSERVER_PUBLIC_URL) that the store knows only by its hash")
    func printsLink() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        #expect(try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db]).status == 0)
        #expect(try SyncServerProcess.run(["trainer", "add", "--cohort", "wedding", "Frau Demir", "--db", db]).status == 0)
        let output = try SyncServerProcess.run(
            ["dashboard-link", "--cohort", "wedding", "--trainer", "Frau Demir", "--db", db, "--json"],
            environment: ["SYNCSERVER_PUBLIC_URL": "https://sync.example.org/"])
        #expect(output.status == 0, "\(output.stderr)")
        let grant = try JSONDecoder().decode(DashboardLinkGrant.self, from: Data(output.stdout.utf8))
        let url = try #require(grant.url)
        #expect(url.hasPrefix("https://sync.example.org/dashboard/login?link="))
        let secret = String(try #require(url.split(separator: "=").last))
        let store = try SQLiteRecordStore(path: db)
        defer { try? store.close() }
        let session = try await store.redeemDashboardLink(
            linkHash: SecretHasher.hash(secret), session: NewDashboardSession(tokenHash: Data([1]), expiresAt: grant.expiresAt),
            at: Timestamp(Date()))
        #expect(session.trainer == "Frau Demir")
        #expect(session.createdBy == "admin")
        let text = try SyncServerProcess.run(
            ["dashboard-link", "--cohort", "wedding", "--trainer", "Frau Demir", "--url", "http://10.0.0.5:8080", "--db", db])
        #expect(text.stdout.contains("http://10.0.0.5:8080/dashboard/login?link="))
        #expect(text.stdout.contains("It works once"))
    }

    @Test("Bad input fails with a message that says what to do", arguments: [
        (["--cohort", "wedding", "--trainer", "T", "--url", "ftp://x"], "is not an http(s) address"),
        (["--cohort", "moabit", "--trainer", "T"], "Cohort 'moabit' does not exist"),
        (["--cohort", "wedding", "--trainer", " "], "trainer name must be 1 to 100 printable characters"),
        (["--cohort", "wedding", "--trainer", "T"], "Cohort 'wedding' knows nobody called 'T' (it has no trainer yet)"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        #expect(try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db]).status == 0)
        let output = try SyncServerProcess.run(["dashboard-link"] + arguments + ["--db", db])
        #expect(output.status != 0)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test("A name the cohort does not know, a participant's in other capitals included, is refused in German and no link is made")
    func unknownNameIsRefused() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        #expect(try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db]).status == 0)
        #expect(try SyncServerProcess.run(["trainer", "add", "--cohort", "wedding", "tina", "--db", db]).status == 0)
        #expect(try SyncServerProcess.run(["enroll", "--cohort", "wedding", "--participant", "anna", "--db", db]).status == 0)
        let german = ["LANG": "de_DE.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "SYNCSERVER_LANG": ""]
        let refused = try SyncServerProcess.run(
            ["dashboard-link", "--cohort", "wedding", "--trainer", "Anna", "--db", db], environment: german)
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains(
                "Im Kurs 'wedding' gibt es niemanden namens 'Anna' (Kursleitungen: 'tina'); Namen müssen genau stimmen"),
            "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)
        let store = try SQLiteRecordStore(path: db)
        defer { try? store.close() }
        #expect(try await store.auditEvents(cohort: "wedding", since: nil).allSatisfy { $0.kind != .dashboardLink })
        let participant = try SyncServerProcess.run(["dashboard-link", "--cohort", "wedding", "--trainer", "anna", "--db", db])
        #expect(participant.status == 0, "a participant's exact name gets a link (to the participant's view)")
    }
}
