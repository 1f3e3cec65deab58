import Foundation
import SyncModel

@testable import SyncServer

/// The fixture survey (`kontakt` marked personal) with two final responses by Ayşe whose `kontakt` holds a phone
/// number and an e-mail address, and a free-text answer, for the privacy tests of the dashboard and the exports.
enum PrivacyFixtures {
    /// A phone number answered to `kontakt`.
    static let phone = "0176 5551234"
    /// An e-mail address answered to `kontakt`.
    static let email = "anna.nachbar@example.org"
    /// A free-text answer to `gefaellt`, which trainers see and participants do not.
    static let freeText = "Der Spielplatz am Leopoldplatz"
    /// The interviewer.
    static let interviewer = "Ayşe K."

    /// `Fixtures/nachbarschaftsbefragung.yaml`.
    static var surveyFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml")
    }

    /// Creates `cohort`, publishes the fixture survey and stores the two responses.
    static func seed(_ store: any RecordStore, cohort: String) async throws {
        let environment = ServerEnvironment(clock: TestClock(), random: SeededRandomSource(seed: 12), logger: .quiet)
        _ = try await store.createCohort(named: cohort, at: environment.clock.now())
        _ = try await CohortAdministration(store: store, environment: environment)
            .publishSurvey(try Data(contentsOf: surveyFile), cohort: cohort, fileName: "nachbarschaftsbefragung.yaml")
        let records = [(1, phone), (2, email)].map { index, contact in
            ReportFixtures.response(
                index, cohort: cohort, owner: interviewer, replica: ReportFixtures.ayse, hours: Int64(index),
                survey: "nachbarschaft-2026",
                [
                    "wohndauer": "jahre_1_5", "haushalt": 2, "gefaellt": .string(freeText), "probleme": ["verkehr"],
                    "mitmachen": "ja", "kontakt": .string(contact),
                ])
        }
        _ = try await store.commitBatch(ids: records.map(\.id), requestEpoch: nil, at: environment.clock.now()) { _ in
            BatchPlan(results: [], writes: records, relays: [])
        }
    }
}
