import Crypto
import Foundation
import SyncModel

/// The administrative operations shared by the admin commands and the trainer endpoints:
/// issuing enrollment codes, publishing surveys and importing the door list.
struct CohortAdministration: Sendable {
    /// The owner name of household records that the server imports.
    static var householdOwner: String { "syncserver" }

    /// The store.
    let store: any RecordStore
    /// Clock, randomness and logger.
    let environment: ServerEnvironment

    /// Checks a cohort, participant or device name: 1 to 100 printable characters.
    static func checkName(_ name: String, what: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100,
            !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw AdministrationError.invalidName(what: what, given: name)
        }
        return trimmed
    }

    /// Creates a one-time code for a participant (7 days) or a trainer (48 hours).
    func issueCode(cohort: String, participant: String, role: Role, createdBy: String) async throws -> EnrollmentGrant {
        let participant = try Self.checkName(participant, what: role == .trainer ? "trainer name" : "participant name")
        try await requireCohort(cohort)
        let code = EnrollmentCode.make(random: environment.random)
        let now = environment.clock.now()
        let lifetime = role == .trainer ? EnrollmentCode.trainerLifetime : EnrollmentCode.participantLifetime
        let expiresAt = Timestamp(millisecondsSince1970: now.millisecondsSince1970 + lifetime)
        try await store.addEnrollmentCode(
            NewEnrollmentCode(
                codeHash: code.hash, cohort: cohort, participant: participant, role: role, createdAt: now,
                expiresAt: expiresAt, createdBy: createdBy))
        environment.logger.info(
            "Issued an enrollment code", metadata: ["cohort.name": "\(cohort)", "device.role": "\(role.rawValue)"])
        return EnrollmentGrant(code: code.display, cohort: cohort, participant: participant, role: role, expiresAt: expiresAt)
    }

    /// Parses a survey file (XLSForm-style YAML/JSON or canonical JSON) and publishes it.
    func publishSurvey(_ data: Data, cohort: String) async throws -> PublishedSurvey {
        let definition: SurveyDefinition
        do {
            definition = try SurveyDefinition.parse(data)
        } catch {
            throw AdministrationError.invalidSurvey(error.message)
        }
        let published = PublishedSurvey(cohort: cohort, publishedAt: environment.clock.now(), definition: definition)
        try await store.publishSurvey(published)
        environment.logger.info(
            "Published a survey",
            metadata: [
                "cohort.name": "\(cohort)", "survey.id": "\(definition.id)", "survey.version": "\(definition.version)",
            ])
        return published
    }

    /// Loads or updates the cohort's door list from CSV text, as writes of the server's replica,
    /// in chunks that ``HouseholdImportPlanner`` plans inside the store's transaction.
    ///
    /// Each door keeps a stable record id: its CSV id when that is a UUID, otherwise a UUID
    /// derived from cohort and id.
    func importHouseholds(csv text: String, cohort: String) async throws -> HouseholdImportSummary {
        let rows: [HouseholdRow]
        do {
            rows = try HouseholdCSV.parse(text)
        } catch let error as HouseholdCSV.ParseError {
            throw AdministrationError.invalidDoorList(error.description)
        }
        try await requireCohort(cohort)
        let planner = HouseholdImportPlanner(
            cohort: cohort, replica: try await store.serverReplica(), time: environment.clock.now())
        let doors = rows.map { HouseholdImportPlanner.Door(id: Self.householdID(cohort: cohort, rowID: $0.id), row: $0) }
        var summary = HouseholdImportSummary(cohort: cohort, created: 0, updated: 0, unchanged: 0)
        for chunk in stride(from: 0, to: doors.count, by: SyncProtocol.maximumPushRecords) {
            let part = Array(doors[chunk..<min(chunk + SyncProtocol.maximumPushRecords, doors.count)])
            let decided = Latest<HouseholdImportPlanner.Plan>()
            _ = try await store.commitBatch(ids: part.map(\.id), requestEpoch: nil, at: planner.time) { snapshot in
                let plan = try planner.plan(part, existing: snapshot.existing)
                decided.value = plan
                return BatchPlan(results: [], writes: plan.writes, relays: [])
            }
            guard let plan = decided.value else { continue }
            summary.created += plan.created
            summary.updated += plan.updated
            summary.unchanged += plan.unchanged
        }
        environment.logger.info(
            "Imported households",
            metadata: [
                "cohort.name": "\(cohort)", "sync.created": "\(summary.created)", "sync.updated": "\(summary.updated)",
            ])
        return summary
    }

    /// Throws ``AdministrationError/unknownCohort(_:)`` unless the cohort exists.
    func requireCohort(_ cohort: String) async throws {
        try await Self.requireCohort(cohort, in: store)
    }

    /// Throws ``AdministrationError/unknownCohort(_:)`` unless the cohort exists in `store`.
    static func requireCohort(_ cohort: String, in store: any RecordStore) async throws {
        guard try await store.cohort(named: cohort) != nil else { throw AdministrationError.unknownCohort(cohort) }
    }

    /// The record id of a door: the CSV id when it is a UUID, else a name-based UUID.
    static func householdID(cohort: String, rowID: String) -> UUID {
        if let uuid = UUID(uuidString: rowID) { return uuid }
        return UUID(bytes: SHA256.hash(data: Data("quartiersync.household\u{0}\(cohort)\u{0}\(rowID)".utf8)), version: 5)
    }
}
