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
    static func checkName(_ name: String, what: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100,
            !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw APIError.invalidParameter(
                "The \(what) must be 1 to 100 printable characters, e.g. 'Ayşe K.'; got '\(name.prefix(40))'.")
        }
        return trimmed
    }

    /// Creates a one-time code for a participant (7 days) or a trainer (48 hours).
    func issueCode(cohort: String, participant: String, role: Role, createdBy: String) async throws -> EnrollmentGrant {
        let participant = try Self.checkName(participant, what: role == .trainer ? "trainer name" : "participant name")
        guard try await store.cohort(named: cohort) != nil else {
            throw APIError.notFound("Cohort '\(cohort.prefix(60))' does not exist. Create it with 'syncserver cohort create'.")
        }
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

    /// Parses a survey file (an XLSForm workbook, XLSForm-style YAML/JSON or canonical JSON) and publishes it;
    /// `fileName` stands in for a workbook's missing `settings` sheet (see `XLSFormWorkbook.survey(from:fileName:)`).
    func publishSurvey(_ data: Data, cohort: String, fileName: String? = nil) async throws -> PublishedSurvey {
        let definition: SurveyDefinition
        do {
            definition =
                XLSFormWorkbook.looksLikeWorkbook(data)
                ? try XLSFormWorkbook.survey(from: data, fileName: fileName) : try SurveyDefinition.parse(data)
        } catch {
            throw APIError(.badRequest, .invalidSurvey, error.message)
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

    /// Loads or updates the cohort's door list from CSV text; see `importHouseholds(file:cohort:)`.
    func importHouseholds(csv text: String, cohort: String) async throws -> HouseholdImportSummary {
        try await importHouseholds(file: Data(text.utf8), cohort: cohort)
    }

    /// Loads or updates the cohort's door list from a file (`.xlsx` or CSV), as writes of the server's replica.
    ///
    /// Each door keeps a stable record id: its id from the file when that is a UUID, a UUID derived from
    /// cohort and id otherwise, and one derived from cohort and normalised address when the row has no id.
    /// Only changed fields are written, so importing the same file twice writes nothing, and visit fields
    /// (`outcome`, …) are never touched. A file with any bad row imports nothing.
    func importHouseholds(file data: Data, cohort: String) async throws -> HouseholdImportSummary {
        let rows: [HouseholdRow]
        do {
            rows = try HouseholdFile.rows(from: data, cohort: cohort)
        } catch {
            throw APIError.invalidParameter(error.description)
        }
        guard try await store.cohort(named: cohort) != nil else {
            throw APIError.notFound("Cohort '\(cohort.prefix(60))' does not exist. Create it with 'syncserver cohort create'.")
        }
        let replica = try await store.serverReplica()
        let now = environment.clock.now()
        let doors = rows.map { (id: Self.householdID(cohort: cohort, rowID: $0.id), row: $0) }
        var summary = HouseholdImportSummary(cohort: cohort, created: 0, updated: 0, unchanged: 0)
        for chunk in stride(from: 0, to: doors.count, by: SyncProtocol.maximumPushRecords) {
            let part = Array(doors[chunk..<min(chunk + SyncProtocol.maximumPushRecords, doors.count)])
            let outcome = try await store.commitBatch(ids: part.map(\.id), requestEpoch: nil, at: now) { snapshot in
                var writes: [Record] = []
                for door in part {
                    if let other = snapshot.existing[door.id],
                        other.cohort != cohort || other.collection != RecordCollection.households
                    {
                        throw APIError(
                            .conflict, .conflict,
                            "The door id '\(door.row.id.prefix(60))' is already used by a record of another cohort or "
                                + "collection; nothing of this chunk was imported. Give the doors of cohort '\(cohort.prefix(60))' "
                                + "their own ids (or ids that are not UUIDs, which are made unique per cohort).")
                    }
                    var record =
                        snapshot.existing[door.id]
                        ?? Record(
                            id: door.id, collection: RecordCollection.households, cohort: cohort,
                            owner: Self.householdOwner)
                    let wanted: [String: FieldValue] = [
                        HouseholdField.street: .string(door.row.street),
                        HouseholdField.houseNumber: .string(door.row.houseNumber),
                        HouseholdField.postcode: .string(door.row.postcode),
                        HouseholdField.note: door.row.note.map(FieldValue.string) ?? .null,
                        HouseholdField.city: door.row.city.map(FieldValue.string) ?? .null,
                    ]
                    let changes = wanted.filter { name, value in
                        let current = record.value(of: name)
                        return current != value && !(current == nil && value == .null)
                    }
                    if record.write(changes, by: replica, at: now) != nil { writes.append(record) }
                }
                return BatchPlan(results: [], writes: writes, relays: [])
            }
            let created = outcome.plan.writes.filter { $0.version == VersionVector([replica: 1]) }.count
            summary.created += created
            summary.updated += outcome.plan.writes.count - created
            summary.unchanged += part.count - outcome.plan.writes.count
        }
        environment.logger.info(
            "Imported households",
            metadata: [
                "cohort.name": "\(cohort)", "sync.created": "\(summary.created)", "sync.updated": "\(summary.updated)",
            ])
        return summary
    }

    /// The record id of a door: the CSV id when it is a UUID, else a name-based UUID.
    static func householdID(cohort: String, rowID: String) -> UUID {
        if let uuid = UUID(uuidString: rowID) { return uuid }
        var bytes = Array(SHA256.hash(data: Data("quartiersync.household\u{0}\(cohort)\u{0}\(rowID)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
