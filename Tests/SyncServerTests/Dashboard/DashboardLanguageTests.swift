import Foundation
import HTTPTypes
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("The dashboard speaks the browser's language, with a switch on the page")
struct DashboardLanguageTests {
    @Test(
        "Accept-Language picks the page's language; ?lang= (the switch) overrides it",
        arguments: [
            ("de-DE,de;q=0.9,en;q=0.8", nil, "de", "Angemeldet als Frau Demir", "<h2 id=\"doors\">Türen</h2>"),
            ("en-US,en;q=0.9", nil, "en", "Signed in as Frau Demir", "<h2 id=\"doors\">Doors</h2>"),
            ("fr-FR", nil, "en", "Signed in as Frau Demir", "<h2 id=\"doors\">Doors</h2>"),
            ("de-DE", "en", "en", "Signed in as Frau Demir", "<h2 id=\"doors\">Doors</h2>"),
            ("en-US", "de", "de", "Angemeldet als Frau Demir", "<h2 id=\"doors\">Türen</h2>"),
        ] as [(String, String?, String, String, String)])
    func languageOfThePage(acceptLanguage: String, switched: String?, lang: String, signedIn: String, heading: String) async throws {
        let harness = try await TestHarness(seed: 41)
        _ = try await ReportFixtures.seed(harness.store, cohort: "wedding")
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let login = try await DashboardTests.open(client, try await DashboardTests.linkPath(client, token: trainer.token))
            let uri = "/dashboard" + (switched.map { "?lang=" + $0 } ?? "")
            let page = try await DashboardTests.open(
                client, uri, headers: [.cookie: try DashboardTests.cookiePair(login), .acceptLanguage: acceptLanguage])
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"\(lang)\">"))
            #expect(page.text.contains(signedIn))
            #expect(page.text.contains(heading))
            #expect(page.text.contains("href=\"/dashboard?lang=de\""), "the switch links to German")
            #expect(page.text.contains("href=\"/dashboard?lang=en\""), "the switch links to English")
        }
    }

    @Test("The sign-in and link pages are German for a German browser")
    func messagePagesInGerman() async throws {
        let harness = try await TestHarness(seed: 42)
        _ = try await harness.store.createCohort(named: "wedding", at: harness.clock.now())
        try await harness.run { client in
            let german: HTTPFields = [.acceptLanguage: "de-DE,de;q=0.9"]
            let signIn = try await DashboardTests.open(client, "/dashboard", headers: german)
            #expect(signIn.status == .unauthorized)
            #expect(signIn.text.contains("<html lang=\"de\">"))
            #expect(signIn.text.contains("Bitte melden Sie sich an"))
            let noLink = try await DashboardTests.open(client, "/dashboard/login", headers: german)
            #expect(noLink.status == .badRequest)
            #expect(noLink.text.contains("Diese Adresse enthält keinen Anmeldelink"))
            let used = try await DashboardTests.open(client, "/dashboard/login?link=abc", headers: german)
            #expect(used.status == .gone)
            #expect(used.text.contains("Dieser Anmeldelink gilt nicht mehr"))
        }
    }
}
