import Foundation
import SyncModel
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@testable import SyncServer

/// The fixture cohort with `kontakt` answered (a phone number and an e-mail address), served by the built
/// `syncserver` and loaded in headless Chromium as a trainer and as a participant: neither contact detail is
/// anywhere in the DOM; the free-text answer is only in the trainer's.
@Suite("The dashboard shows no contact detail in headless Chromium", .serialized)
struct DashboardPrivacyBrowserTests {
    @Test("Neither a trainer's nor a participant's dashboard shows the answered kontakt; free text only the trainer's", .enabled(if: Chromium.shouldRun))
    func noContactDetailInTheDOM() async throws {
        let chromium = try Chromium.required()
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        let store = try SQLiteRecordStore(path: db)
        try await PrivacyFixtures.seed(store, cohort: "Wedding Süd")
        // Ayşe enrolls a participant's laptop, so a link made for her opens a participant's view; Frau Demir is a trainer.
        let administration = CohortAdministration(store: store, environment: ServerEnvironment(logger: .quiet))
        _ = try await administration.issueCode(cohort: "Wedding Süd", participant: "Frau Demir", role: .trainer, createdBy: "admin")
        let grant = try await administration
            .issueCode(cohort: "Wedding Süd", participant: PrivacyFixtures.interviewer, role: .participant, createdBy: "admin")
        _ = try await store.enroll(
            codeHash: EnrollmentCode(typed: grant.code).hash,
            device: NewDevice(
                id: "11111111-2222-4333-8444-555555555555", name: "Ayşes Laptop",
                replica: SeededRandomSource(seed: 8).makeReplicaID(), tokenHash: Data(repeating: 7, count: 32)),
            at: Timestamp(Date()))
        try store.close()

        let (server, base) = try SyncServerProcess.serve(db: db)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        try await DashboardBrowserTests.waitUntilHealthy(base)

        for (viewer, sees) in [("Frau Demir", true), (PrivacyFixtures.interviewer, false)] {
            let output = try SyncServerProcess.run([
                "dashboard-link", "--cohort", "Wedding Süd", "--trainer", viewer, "--url", base, "--db", db, "--json",
            ])
            #expect(output.status == 0, "\(output.stderr)")
            let link = try #require(try JSONDecoder().decode(DashboardLinkGrant.self, from: Data(output.stdout.utf8)).url)
            let dom = try chromium.dumpDOM(
                link, profile: directory.appendingPathComponent("profile-\(sees)"), acceptLanguage: "de-DE")
            #expect(dom.contains("Angemeldet als \(viewer)"), "\(dom.prefix(400))")
            #expect(dom.contains("id=\"q-kontakt\""), "the kontakt panel is there, with counts")
            #expect(dom.contains("Persönliche Angabe: nur gezählt"))
            for detail in [PrivacyFixtures.phone, PrivacyFixtures.email, "0176", "5551234", "anna.nachbar", "@example.org"] {
                #expect(!dom.contains(detail), "\(viewer)'s dashboard shows \(detail)")
            }
            #expect(dom.contains(PrivacyFixtures.freeText) == sees, "free text shown to \(viewer): \(!sees)")
        }
    }
}
