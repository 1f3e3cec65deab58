import Foundation
import SyncModel
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@testable import SyncServer

/// The dashboard in a real browser: the built `syncserver` serves fixture data, headless
/// Chromium signs in with a login link from `syncserver dashboard-link`, and the numbers in
/// the DOM are compared with `GET /v1/cohorts/{id}/report`. Screenshots go to `artifacts/`.
@Suite("The dashboard in headless Chromium", .serialized)
struct DashboardBrowserTests {
    /// The repository's `artifacts/` folder (ignored by git).
    static let artifacts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("artifacts", isDirectory: true)

    @Test("A German browser gets the German page whose numbers equal the JSON report, an English one English; screenshots", .enabled(if: Chromium.shouldRun))
    func dashboardInChromium() async throws {
        let chromium = try Chromium.required()
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        let store = try SQLiteRecordStore(path: db)
        _ = try await ReportFixtures.seed(store, cohort: "Wedding Süd", bulk: 40)
        try store.close()

        let (server, base) = try SyncServerProcess.serve(db: db)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        try await Self.waitUntilHealthy(base)

        let report = try await Self.report(base: base, db: db, cohort: "Wedding Süd")
        let expected = ReportMetrics.expected(from: report)
        #expect(expected["survey.befragung.final"] == 43)

        let profile = directory.appendingPathComponent("chromium-profile")
        let dom = try chromium.dumpDOM(try Self.loginLink(base: base, db: db), profile: profile, acceptLanguage: "de-DE")
        #expect(dom.contains("<html lang=\"de\">"), "\(dom.prefix(500))")
        #expect(dom.contains("Angemeldet als Frau Demir"), "\(dom.prefix(500))")
        for heading in [
            "<h2 id=\"doors\">Türen</h2>", "<h3>Türen nach Stand</h3>", "<h3>Besuche nach Ergebnis</h3>", "<h3>Straßen</h3>", "<h2>Antworten</h2>",
            "<h3>Befragungen je Tag</h3>",
        ] {
            #expect(dom.contains(heading), "missing German heading \(heading)")
        }
        for english in ["Signed in", "Doors", "Visits by outcome", "Answers", "Responses per", "question open"] {
            #expect(!dom.contains(english), "English text '\(english)' on the German page")
        }
        let shown = try ReportMetrics.shown(inHTML: dom)
        #expect(shown == expected)
        #expect(dom.contains("<svg"))

        let english = try chromium.dumpDOM(
            try Self.loginLink(base: base, db: db), profile: directory.appendingPathComponent("chromium-english"),
            acceptLanguage: "en-GB")
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("Signed in as Frau Demir"))
        #expect(english.contains("<h3>Doors by status</h3>"))
        #expect(english.contains("<h3>Visits by outcome</h3>"))

        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        for (name, width, height) in [
            ("dashboard.png", 1280, 900), ("dashboard-phone.png", 390, 844), ("dashboard-full.png", 1280, 2000),
        ] {
            let file = Self.artifacts.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: file)
            try chromium.screenshot(
                try Self.loginLink(base: base, db: db), to: file, width: width, height: height,
                profile: directory.appendingPathComponent("profile-\(width)"), acceptLanguage: "de-DE")
            let size = (try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
            #expect(size > 10_000, "\(name) is a real picture")
        }
    }

    /// A fresh one-time login link from `syncserver dashboard-link`.
    static func loginLink(base: String, db: String) throws -> String {
        // A link is made only for a name the cohort knows.
        let trainer = try SyncServerProcess.run(["trainer", "add", "--cohort", "Wedding Süd", "Frau Demir", "--db", db])
        #expect(trainer.status == 0, "\(trainer.stderr)")
        let output = try SyncServerProcess.run([
            "dashboard-link", "--cohort", "Wedding Süd", "--trainer", "Frau Demir", "--url", base, "--db", db, "--json",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let grant = try JSONDecoder().decode(DashboardLinkGrant.self, from: Data(output.stdout.utf8))
        return try #require(grant.url)
    }

    /// Enrolls a trainer's device through the API and fetches the JSON report with its token.
    static func report(base: String, db: String, cohort: String) async throws -> CohortReport {
        let code = try SyncServerProcess.run(["trainer", "add", "--cohort", cohort, "Frau Demir", "--db", db, "--json"])
        let grant = try JSONDecoder().decode(EnrollmentGrant.self, from: Data(code.stdout.utf8))
        var enroll = URLRequest(url: URL(string: base + "/v1/enroll")!)
        enroll.httpMethod = "POST"
        enroll.setValue("1", forHTTPHeaderField: SyncProtocol.versionHeader)
        enroll.setValue("application/json", forHTTPHeaderField: "Content-Type")
        enroll.httpBody = try JSONEncoder().encode(
            EnrollRequest(code: grant.code, deviceName: "Laptop", replicaId: SeededRandomSource(seed: 77).makeReplicaID()))
        let (enrolled, _) = try await URLSession.shared.data(for: enroll)
        let token = try JSONDecoder().decode(EnrollResponse.self, from: enrolled).token
        let path = cohort.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        var request = URLRequest(url: URL(string: base + "/v1/cohorts/\(path)/report")!)
        request.setValue("1", forHTTPHeaderField: SyncProtocol.versionHeader)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(String(decoding: body, as: UTF8.self))")
        return try JSONDecoder().decode(CohortReport.self, from: body)
    }

    /// Waits up to 20 seconds for `GET /health`.
    static func waitUntilHealthy(_ base: String) async throws {
        for _ in 0..<100 {
            var request = URLRequest(url: URL(string: base + "/health")!)
            request.timeoutInterval = 2
            if let (_, response) = try? await URLSession.shared.data(for: request),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("syncserver did not answer /health at \(base)")
    }
}
