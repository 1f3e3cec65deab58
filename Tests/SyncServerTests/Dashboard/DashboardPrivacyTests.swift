import Foundation
import HTTPTypes
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

/// What the dashboard shows of personal questions and free text, by the viewer's role; and the pseudonymized
/// exports beside the full ones.
@Suite("The dashboard keeps personal answers and, from participants, free text out", .postgresPools)
struct DashboardPrivacyTests {
    /// Signs in with a link the operator made for `name` and returns the session's cookie header value.
    static func signIn(_ client: any TestClientProtocol, harness: TestHarness, cohort: String, name: String) async throws -> String {
        let grant = try await Self.issueLink(harness.store, environment: harness.environment, cohort: cohort, name: name)
        let login = try await DashboardTests.open(client, grant.path)
        #expect(login.status == .seeOther)
        return try DashboardTests.cookiePair(login)
    }

    /// An operator's link for `name`, as `syncserver dashboard-link` makes it.
    static func issueLink<Store: RecordStore>(
        _ store: Store, environment: ServerEnvironment, cohort: String, name: String
    ) async throws -> DashboardLinkGrant {
        try await DashboardLogin(store: store, environment: environment)
            .issueLink(cohort: cohort, trainer: name, createdBy: "admin", baseURL: nil)
    }

    @Test("A trainer sees free text but no contact detail; kontakt shows counts only", arguments: StoreKind.all)
    func trainerView(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind, seed: 51)
        try await PrivacyFixtures.seed(harness.store, cohort: "wedding")
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            let login = try await DashboardTests.open(client, try await DashboardTests.linkPath(client, token: trainer.token))
            let page = try await DashboardTests.open(client, "/dashboard", headers: [.cookie: try DashboardTests.cookiePair(login)])
            #expect(page.status == .ok)
            #expect(page.text.contains(PrivacyFixtures.freeText), "trainers see free-text answers")
            #expect(!page.text.contains(PrivacyFixtures.phone))
            #expect(!page.text.contains(PrivacyFixtures.email))
            #expect(page.text.contains("data-metric=\"survey.nachbarschaft-2026.question.kontakt.answered\""))
            #expect(page.text.contains("Personal data: only counted, the answers are not shown."))
            #expect(page.text.contains("href=\"/dashboard/export?format=csv&amp;survey=nachbarschaft%2D2026\""))
            #expect(page.text.contains("href=\"/dashboard/export?format=csv&amp;survey=nachbarschaft%2D2026&amp;pseudonymize=true\""))
        }
    }

    @Test("A participant signed in by the operator sees neither free text nor contact details, and only pseudonymized exports", arguments: StoreKind.all)
    func participantView(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind, seed: 52)
        try await PrivacyFixtures.seed(harness.store, cohort: "wedding")
        try await harness.run { client in
            _ = try await harness.enroll(client, cohort: "wedding", name: PrivacyFixtures.interviewer)
            let cookie = try await Self.signIn(client, harness: harness, cohort: "wedding", name: PrivacyFixtures.interviewer)
            let page = try await DashboardTests.open(client, "/dashboard", headers: [.cookie: cookie])
            #expect(page.status == .ok)
            for hidden in [PrivacyFixtures.freeText, PrivacyFixtures.phone, PrivacyFixtures.email] {
                #expect(!page.text.contains(hidden), "a participant's view shows \(hidden)")
            }
            #expect(page.text.contains("data-metric=\"survey.nachbarschaft-2026.question.gefaellt.answered\""), "counts stay")
            #expect(!page.text.contains("href=\"/dashboard/export?format=csv&amp;survey=nachbarschaft%2D2026\""))
            #expect(page.text.contains("pseudonymize=true"))
            let export = try await DashboardTests.open(client, "/dashboard/export?format=json", headers: [.cookie: cookie])
            #expect(export.status == .ok)
            let responses = try export.decode([ExportedResponse].self)
            #expect(responses.count == 2)
            #expect(responses.allSatisfy { $0.participant.hasPrefix("P-") && $0.answers["kontakt"] == nil })
        }
    }

    @Test(
        "A participant who has a code but no device yet gets the participant's view; a name nobody enrolled gets no link",
        arguments: StoreKind.all)
    func participantWithCodeOnly(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind, seed: 54)
        try await PrivacyFixtures.seed(harness.store, cohort: "wedding")
        _ = try await CohortAdministration(store: harness.store, environment: harness.environment)
            .issueCode(cohort: "wedding", participant: "Jonas", role: .participant, createdBy: "admin")
        try await harness.run { client in
            let cookie = try await Self.signIn(client, harness: harness, cohort: "wedding", name: "Jonas")
            let page = try await DashboardTests.open(client, "/dashboard", headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(!page.text.contains(PrivacyFixtures.freeText), "a participant's view shows free text")
            await #expect(throws: AdministrationError.unknownPerson(name: "jonas", cohort: "wedding", trainers: [])) {
                try await Self.issueLink(harness.store, environment: harness.environment, cohort: "wedding", name: "jonas")
            }
        }
    }

    @Test("Pseudonyms are stable across exports and formats, differ by participant and reveal no name", arguments: StoreKind.all)
    func pseudonymsAreStable(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind, seed: 53)
        _ = try await ReportFixtures.seed(harness.store, cohort: "wedding")
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            func pseudonyms() async throws -> [UUID: String] {
                let response = try await client.send(
                    .get, "/v1/cohorts/wedding/export?format=json&pseudonymize=true", token: trainer.token)
                #expect(response.status == .ok)
                #expect(!response.text.contains("Ayşe K.") && !response.text.contains("Jonas B."))
                return Dictionary(uniqueKeysWithValues: try response.decode([ExportedResponse].self).map { ($0.id, $0.participant) })
            }
            let first = try await pseudonyms()
            let second = try await pseudonyms()
            #expect(first == second)
            #expect(Set(first.values).count == 2, "Ayşe and Jonas get different pseudonyms")
            #expect(first.values.allSatisfy { $0.wholeMatch(of: /P-[0-9A-F]{6}/) != nil })
            let csv = try await client.send(.get, "/v1/cohorts/wedding/export?format=csv&pseudonymize=1", token: trainer.token)
            #expect(Set(first.values).allSatisfy { csv.text.contains($0) }, "CSV uses the same pseudonyms")
            let map = try await client.send(
                .post, "/v1/cohorts/wedding/pseudonyms", token: trainer.token,
                json: PseudonymRequest(participants: ["Ayşe K.", "Jonas B."]))
            #expect(map.status == .ok)
            #expect(Set(try map.decode(PseudonymMap.self).pseudonyms.values) == Set(first.values), "the client gets the same ones")
            let bad = try await client.send(.get, "/v1/cohorts/wedding/export?format=csv&pseudonymize=maybe", token: trainer.token)
            #expect(bad.status == .badRequest)
            #expect(bad.error?.message.contains("?pseudonymize=") == true)
        }
    }
}
