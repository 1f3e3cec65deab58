import Foundation
import SyncModel
import Testing

@testable import SyncServer

/// `syncserver audit`: the trail of a real database, as text in the operator's language and as JSON.
@Suite("syncserver audit", .serialized)
struct AuditCommandTests {
    static let english = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "SYNCSERVER_LANG": "en"]

    @Test("syncserver audit lists an export, a login and an erasure, in English, in German and as JSON")
    func auditCommand() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        let store = try SQLiteRecordStore(path: db)
        let harness = try TestHarness(seed: 42, store: store)
        _ = try await ReportFixtures.seed(store, cohort: "wedding")
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let export = try await client.send(.get, "/v1/cohorts/wedding/export?format=json", token: trainer.token)
            #expect(export.status == .ok)
            let path = try await DashboardTests.linkPath(client, token: trainer.token)
            #expect(try await DashboardTests.open(client, path).status == .seeOther)
        }
        try store.close()
        let erased = try SyncServerProcess.run(
            ["erase", "--db", db, "--cohort", "wedding", "40000000-0000-4000-8000-000000000003", "--yes"])
        #expect(erased.status == 0, "\(erased.stderr)")

        let json = try SyncServerProcess.run(["audit", "--db", db, "--cohort", "wedding", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let listed = try JSONDecoder().decode([AuditEvent].self, from: Data(json.stdout.utf8))
        #expect(listed.map(\.kind) == [.enrollmentCode, .enrollment, .export, .dashboardLink, .dashboardLogin, .erasure])
        let objects = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(Set(try #require(objects.first).keys) == ["time", "actorKind", "actor", "cohort", "kind", "details"])

        let german = try SyncServerProcess.run(["audit", "--db", db], environment: AdminCommandLanguageTests.german.merging(["TZ": "UTC"]) { $1 })
        #expect(german.status == 0, "\(german.stderr)")
        let lines = german.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0].contains("hat einen Anmeldecode für Frau Demir (Kursleitung) ausgestellt"), "\(lines[0])")
        #expect(lines[2].hasPrefix("25.11.2026 "), "German date: \(lines[2])")
        #expect(lines[2].contains("Kursleitung Frau Demir\that 4 Befragungen des Fragebogens befragung als JSON exportiert (mit Namen und allen Antworten, über die Programmierschnittstelle (API))"), "\(lines[2])")
        #expect(lines[4].contains("hat sich an der Übersicht angemeldet"))
        #expect(lines[5].contains("Betrieb (Server)\that Datensatz 40000000-0000-4000-8000-000000000003 auf Wunsch gelöscht"))

        let english = try SyncServerProcess.run(["audit", "--db", db, "--since", "2099-01-01"], environment: Self.english)
        #expect(english.stdout == "No events recorded.\n")
        let bad = try SyncServerProcess.run(["audit", "--db", db, "--since", "31.02.2026"], environment: Self.english)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("'31.02.2026' is not a date. Write it as YYYY-MM-DD (2026-11-25) or DD.MM.YYYY (25.11.2026)."))
    }

    @Test(
        "door-list exports, course-end purges and the way in are worded, not coded",
        arguments: [
            (
                AuditEvent(
                    time: Timestamp(millisecondsSince1970: 0), actorKind: .trainer, actor: "tina", cohort: "k", kind: .export,
                    details: ["format": "xlsx", "list": "households", "via": "dashboard"]),
                "hat die Türliste als XLSX exportiert (über die Übersicht im Browser)"
            ),
            (
                AuditEvent(
                    time: Timestamp(millisecondsSince1970: 0), actorKind: .trainer, actor: "tina", cohort: "k", kind: .export,
                    details: ["format": "xlsx", "survey": "households", "via": "dashboard", "pseudonymized": "no"]),
                "hat die Türliste als XLSX exportiert (über die Übersicht im Browser)"
            ),
            (
                AuditEvent(
                    time: Timestamp(millisecondsSince1970: 0), actorKind: .operator, actor: "admin", cohort: "k", kind: .purge,
                    details: ["records": "44", "all": "yes"]),
                "hat alle 44 Datensätze des Kurses endgültig gelöscht (Befragungen, Türen und ihre Besuche)"
            ),
        ])
    func wording(event: AuditEvent, german: String) {
        #expect(event.description(in: { MessageCatalog.german.text($0, $1) }) == german)
    }
}
