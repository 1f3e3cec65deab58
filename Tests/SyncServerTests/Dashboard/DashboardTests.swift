import Foundation
import HTTPTypes
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("The dashboard: login links, session cookies and the page", .postgresPools)
struct DashboardTests {
    /// Asks for a login link with the trainer's token and returns its path.
    static func linkPath(_ client: any TestClientProtocol, token: String, headers: HTTPFields = [:]) async throws -> String {
        let response = try await client.send(.post, "/v1/dashboard/links", token: token)
        #expect(response.status == .created)
        let grant = try response.decode(DashboardLinkGrant.self)
        #expect(grant.path.hasPrefix("/dashboard/login?link="))
        return grant.path
    }

    /// Opens `uri` with extra headers.
    static func open(_ client: any TestClientProtocol, _ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await client.executeRequest(uri: uri, method: .get, headers: headers, body: nil)
    }

    /// The `name=value` part of a `Set-Cookie`.
    static func cookiePair(_ response: TestResponse) throws -> String {
        let header = try #require(response.headers[.setCookie])
        return String(try #require(header.split(separator: ";").first))
    }

    @Test("A login link signs in once: 303 to /dashboard with an HttpOnly, SameSite=Strict cookie; a second use gets a clear page")
    func loginLinkIsSingleUse() async throws {
        let harness = try await TestHarness(seed: 31)
        _ = try await ReportFixtures.seed(harness.store, cohort: "wedding")
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let path = try await Self.linkPath(client, token: trainer.token)
            let login = try await Self.open(client, path)
            #expect(login.status == .seeOther)
            #expect(login.headers[.location] == "/dashboard")
            let cookie = try #require(login.headers[.setCookie])
            let attributes = Set(cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            #expect(attributes.contains("httponly"))
            #expect(attributes.contains("samesite=strict"))
            #expect(attributes.contains("path=/dashboard"))
            #expect(attributes.contains("max-age=43200"))
            #expect(!attributes.contains("secure"), "plain http to the server itself: no Secure")
            let page = try await Self.open(client, "/dashboard", headers: [.cookie: try Self.cookiePair(login)])
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(page.text.contains("Signed in as Frau Demir"))
            let again = try await Self.open(client, path)
            #expect(again.status == .gone)
            #expect(again.headers[.setCookie] == nil)
            #expect(again.text.contains("This login link does not work any more"))
        }
    }

    @Test("Behind a TLS proxy (X-Forwarded-Proto: https) the cookie is Secure")
    func secureBehindProxy() async throws {
        let harness = try await TestHarness(seed: 32)
        _ = try await harness.store.createCohort(named: "wedding", at: harness.clock.now())
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let path = try await Self.linkPath(client, token: trainer.token)
            let login = try await Self.open(client, path, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            let cookie = try #require(login.headers[.setCookie])
            #expect(cookie.split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces) == "Secure" })
        }
    }

    @Test("A link expires after 5 minutes and a session after 12 hours")
    func linksAndSessionsExpire() async throws {
        let harness = try await TestHarness(seed: 33)
        _ = try await harness.store.createCohort(named: "wedding", at: harness.clock.now())
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let stale = try await Self.linkPath(client, token: trainer.token)
            harness.clock.advance(milliseconds: 5 * 60 * 1000)
            #expect(try await Self.open(client, stale).status == .gone)
            let fresh = try await Self.linkPath(client, token: trainer.token)
            harness.clock.advance(milliseconds: 5 * 60 * 1000 - 1)
            let login = try await Self.open(client, fresh)
            #expect(login.status == .seeOther)
            let cookie = try Self.cookiePair(login)
            harness.clock.advance(milliseconds: 12 * 3600 * 1000 - 1)
            #expect(try await Self.open(client, "/dashboard", headers: [.cookie: cookie]).status == .ok)
            harness.clock.advance(milliseconds: 1)
            let ended = try await Self.open(client, "/dashboard", headers: [.cookie: cookie])
            #expect(ended.status == .unauthorized)
            #expect(ended.text.contains("Please sign in"))
        }
    }

    @Test("Participants are refused with a clear 403, and junk links or cookies give pages, never a 5xx")
    func participantsAndJunk() async throws {
        let harness = try await TestHarness(seed: 34)
        _ = try await harness.store.createCohort(named: "wedding", at: harness.clock.now())
        try await harness.run { client in
            let participant = try await harness.enroll(client, cohort: "wedding", name: "Ayşe K.")
            let page = try await Self.open(client, "/dashboard", headers: [.authorization: "Bearer \(participant.token)"])
            #expect(page.status == .forbidden)
            #expect(page.text.contains("only trainers may open it"))
            let links = try await client.send(.post, "/v1/dashboard/links", token: participant.token)
            #expect(links.status == .forbidden)
            for uri in ["/dashboard/login", "/dashboard/login?link="] {
                #expect(try await Self.open(client, uri).status == .badRequest, "\(uri)")
            }
            for uri in ["/dashboard/login?link=%00%FF", "/dashboard/login?link=" + String(repeating: "a", count: 43)] {
                #expect(try await Self.open(client, uri).status == .gone, "\(uri)")
            }
            let junk = try await Self.open(client, "/dashboard", headers: [.cookie: "qs_dashboard=\u{00e4}\u{00f6}; other=1"])
            #expect(junk.status == .unauthorized)
            let export = try await Self.open(client, "/dashboard/export?format=csv")
            #expect(export.status == .unauthorized)
        }
    }

    @Test("Every number on the page equals the JSON report's, and the export links work with the session cookie")
    func pageNumbersEqualReport() async throws {
        let harness = try await TestHarness(seed: 35)
        _ = try await ReportFixtures.seed(harness.store, cohort: "wedding")
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let report = try await client.send(.get, "/v1/cohorts/wedding/report", token: trainer.token).decode(CohortReport.self)
            let login = try await Self.open(client, try await Self.linkPath(client, token: trainer.token))
            let cookie = try Self.cookiePair(login)
            let page = try await Self.open(client, "/dashboard", headers: [.cookie: cookie])
            let shown = try ReportMetrics.shown(inHTML: page.text)
            let expected = ReportMetrics.expected(from: report)
            #expect(shown == expected)
            #expect(shown["survey.befragung.participant.Ayşe K..final"] == 2)
            #expect(!page.text.contains("<script"))
            #expect(!page.text.contains("http://") && !page.text.contains("https://"), "no external resources")
            #expect(page.text.contains("<svg"))
            let csv = try await Self.open(client, "/dashboard/export?format=csv&survey=befragung", headers: [.cookie: cookie])
            #expect(csv.status == .ok)
            let direct = try await client.send(.get, "/v1/cohorts/wedding/export?format=csv", token: trainer.token)
            #expect(csv.text == direct.text)
            let bad = try await Self.open(client, "/dashboard/export?format=pdf", headers: [.cookie: cookie])
            #expect(bad.status == .badRequest)
            #expect(page.text.contains("/dashboard/export?format=xlsx&amp;survey=befragung"))
            #expect(page.text.contains("/dashboard/export/households"))
            let doors = try await Self.open(client, "/dashboard/export/households", headers: [.cookie: cookie])
            #expect(doors.status == .ok)
            #expect(doors.headers[.contentDisposition] == "attachment; filename=\"households.xlsx\"")
            #expect(Data(doors.body.readableBytesView).prefix(2) == Data("PK".utf8))
            let anonymous = try await Self.open(client, "/dashboard/export/households")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("A question's text answers are listed up to 100 on the page, in interview order; the others are counted")
    func longTextListsAreCut() throws {
        let survey = try SurveyDefinition.parse(Data(ReportFixtures.surveyJSON.utf8))
        let records = (0..<130).map { index in
            ReportFixtures.response(
                index, cohort: "wedding", owner: "Ayşe K.", replica: ReportFixtures.ayse, ["bemerkung": .string("Antwort <\(index)>")])
        }
        let report = CohortReport.make(records: records, surveys: [survey])
        let html = DashboardRenderer.shared.text(
            of: DashboardPage(report: report, cohort: "wedding", trainer: "Frau Demir", generatedAt: Timestamp(millisecondsSince1970: 0)))
        #expect(html.components(separatedBy: "<li>Antwort &lt;").count - 1 == 100)
        #expect(html.contains("… and 30 more (all in the exports)"))
        // Same start time: the smaller id is the earlier interview, so 0 to 99 are listed.
        let listed = html.components(separatedBy: "<li>Antwort &lt;").dropFirst().map { $0.prefix { $0.isNumber } }
        #expect(listed == (0...99).map { Substring(String($0)) })
        #expect(!html.contains("<li>Antwort <"), "answers are escaped")
    }

    @Test("Names and answers are escaped scalar by scalar: a quote with a combining mark cannot end an attribute")
    func escapingHoldsForCombiningMarks() throws {
        let survey = try SurveyDefinition.parse(Data(ReportFixtures.surveyJSON.utf8))
        let owner = "x\"\u{301} data-evil=\"1"
        let records = [
            ReportFixtures.response(1, cohort: "wedding", owner: owner, replica: ReportFixtures.ayse, ["bemerkung": "<\u{301}b>fett"]),
        ]
        let html = DashboardRenderer.shared.text(
            of: DashboardPage(
                report: CohortReport.make(records: records, surveys: [survey]), cohort: "wedding", trainer: "T",
                generatedAt: Timestamp(millisecondsSince1970: 0)))
        let quoteWithMark = "\"\u{301}"
        let escapedAnswer = "&lt;\u{301}b&gt;fett"
        #expect(!html.contains(quoteWithMark), "no quote left unescaped, even with a combining mark")
        #expect(!html.contains(" data-evil=\"1"))
        #expect(html.contains(escapedAnswer))
        let shown = try ReportMetrics.shown(inHTML: html)
        #expect(shown["survey.befragung.participant.\(owner).final"] == 1)
    }
}
