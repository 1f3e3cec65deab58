import Crypto
import Foundation
import Spreadsheet
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
    static func checkName(_ name: String, as kind: AdministrationError.NameKind) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100,
            !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw AdministrationError.invalidName(kind, given: name)
        }
        return trimmed
    }

    /// Creates a cohort whose name follows ``checkName(_:as:)``.
    func createCohort(named name: String) async throws -> CohortInfo {
        let name = try Self.checkName(name, as: .cohort)
        do {
            return try await store.createCohort(named: name, at: environment.clock.now())
        } catch let error as StoreError where error == StoreRules.cohortExists(name) {
            throw AdministrationError.cohortExists(name)
        }
    }

    /// Creates a one-time code for a participant (7 days) or a trainer (48 hours).
    func issueCode(cohort: String, participant: String, role: Role, createdBy: String) async throws -> EnrollmentGrant {
        let participant = try Self.checkName(participant, as: role == .trainer ? .trainer : .participant)
        try await requireCohort(cohort)
        let code = EnrollmentCode.make(random: environment.random)
        let now = environment.clock.now()
        let lifetime = role == .trainer ? EnrollmentCode.trainerLifetime : EnrollmentCode.participantLifetime
        let expiresAt = Timestamp(millisecondsSince1970: now.millisecondsSince1970 + lifetime)
        try await store.addEnrollmentCode(
            NewEnrollmentCode(
                codeHash: code.hash, cohort: cohort, participant: participant, role: role, createdAt: now,
                expiresAt: expiresAt, createdBy: createdBy))
        try await store.recordAudit(
            try await auditEvent(
                .enrollmentCode, createdBy: createdBy, cohort: cohort, at: now,
                details: ["participant": participant, "role": role.rawValue]))
        environment.logger.info(
            "Issued an enrollment code", metadata: ["cohort.name": "\(cohort)", "device.role": "\(role.rawValue)"])
        return EnrollmentGrant(code: code.display, cohort: cohort, participant: participant, role: role, expiresAt: expiresAt)
    }

    /// An audit event by `createdBy`: the operator (`admin`), the enrolled device with that id, or else that id as a
    /// device.
    private func auditEvent(
        _ kind: AuditEventKind, createdBy: String, cohort: String, at time: Timestamp, details: [String: String]
    ) async throws -> AuditEvent {
        if createdBy == "admin" { return .byOperator(kind, cohort: cohort, at: time, details: details) }
        if let device = try await store.credential(deviceID: createdBy)?.device {
            return .make(kind, by: device, at: time, details: details)
        }
        return AuditEvent(time: time, actorKind: .device, actor: createdBy, cohort: cohort, kind: kind, details: details)
    }

    /// Parses a survey file (an XLSForm workbook, XLSForm-style YAML/JSON or canonical JSON) and publishes it;
    /// `fileName` stands in for a workbook's missing `settings` sheet (see `XLSFormWorkbook.survey(from:fileName:)`),
    /// and a file named like a workbook (`.xlsx`, `.xlsm`, `.xls`) is read as one, so that a CSV or an old `.xls`
    /// under that name is told it is no workbook rather than no YAML.
    func publishSurvey(_ data: Data, cohort: String, fileName: String? = nil) async throws -> PublishedSurvey {
        let definition: SurveyDefinition
        let namedWorkbook = fileName.map { ["xlsx", "xlsm", "xls"].contains(($0 as NSString).pathExtension.lowercased()) } ?? false
        do {
            definition =
                XLSFormWorkbook.looksLikeWorkbook(data) || namedWorkbook
                ? try XLSFormWorkbook.survey(from: data, fileName: fileName) : try SurveyDefinition.parse(data)
        } catch {
            throw AdministrationError.invalidSurvey(error)
        }
        try await requireCohort(cohort)
        let published = PublishedSurvey(cohort: cohort, publishedAt: environment.clock.now(), definition: definition)
        do {
            try await store.publishSurvey(published)
        } catch let error as StoreError where error == StoreRules.surveyPublished(published) {
            throw AdministrationError.surveyPublished(survey: definition.id, version: definition.version, cohort: cohort)
        }
        environment.logger.info(
            "Published a survey",
            metadata: [
                "cohort.name": "\(cohort)", "survey.id": "\(definition.id)", "survey.version": "\(definition.version)",
            ])
        return published
    }

    /// Loads or updates the cohort's door list from CSV text; see `importHouseholds(file:cohort:)`.
    func importHouseholds(csv text: String, cohort: String) async throws -> HouseholdImportSummary {
        try await importHouseholds(file: Data(text.utf8), cohort: cohort)
    }

    /// Loads or updates the cohort's door list from a file (`.xlsx` or CSV), as writes of the server's replica.
    ///
    /// Each door keeps a stable record id: its id from the file when that is a UUID, a UUID derived from
    /// cohort and id otherwise; a row without an id is the door stored at its normalised address, or a new
    /// door with an id derived from cohort and address (``HouseholdImportPlanner/doors(_:cohort:stored:)``).
    /// Only changed fields are written, so importing the same file twice writes nothing, and visit fields
    /// (`outcome`, …) are never touched. A file with any bad row imports nothing.
    func importHouseholds(file data: Data, cohort: String) async throws -> HouseholdImportSummary {
        let rows: [HouseholdRow]
        do {
            rows = try HouseholdFile.rows(from: data, cohort: cohort)
        } catch {
            throw AdministrationError.invalidDoorList(error)
        }
        try await requireCohort(cohort)
        let planner = HouseholdImportPlanner(
            cohort: cohort, replica: try await store.serverReplica(), time: environment.clock.now())
        // Rows without an id are matched to the doors stored at their addresses.
        let stored = rows.allSatisfy(\.idGiven) ? [] : try await Self.doors(of: cohort, in: store)
        let doors = HouseholdImportPlanner.doors(rows, cohort: cohort, stored: stored)
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

    /// The door records of `cohort`, newest states, read page by page.
    private static func doors(of cohort: String, in store: some RecordStore) async throws -> [SyncModel.Record] {
        var doors: [UUID: SyncModel.Record] = [:]
        try await CohortRecordReader(store: store, cohort: cohort).forEachPage { page in
            for record in page where record.collection == RecordCollection.households { doors[record.id] = record }
        }
        return Array(doors.values)
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
