import Foundation
import SyncModel

/// The local operations on records: every change is one edit, validated first, stored in one
/// transaction, and pending until the next sync.
struct FieldRecords: Sendable {
    /// The store.
    let store: LocalStore
    /// The enrolled device, whose replica id signs every write.
    let device: DeviceIdentity
    /// The clock for write timestamps.
    let clock: any WallClock
    /// Record id generation.
    let identifiers: IdentifierSource
    /// The language of messages.
    let texts: Texts

    /// Creates the operations for `device`.
    init(
        store: LocalStore, device: DeviceIdentity, clock: any WallClock, identifiers: IdentifierSource = .system,
        texts: Texts = .current
    ) {
        self.store = store
        self.device = device
        self.clock = clock
        self.identifiers = identifiers
        self.texts = texts
    }

    /// Creates a response with `answers` after validating them (as final when `finalize`); a final
    /// response at a door records an `interviewed` visit there (``visitForInterview(at:)``).
    func createResponse(
        survey: SurveyDefinition, answers: [String: FieldValue], finalize: Bool, household: UUID?
    ) throws -> Record {
        let issues = survey.validate(answers, finalized: finalize)
        guard issues.isEmpty else { throw invalid(issues, survey: survey, answers: answers) }
        if let household { _ = try requireHousehold(household) }
        let now = clock.now()
        var record = Record(
            id: identifiers.makeUUID(), collection: RecordCollection.responses, cohort: device.cohort, survey: survey.id,
            surveyVersion: survey.version, owner: device.participant)
        var fields = answers.filter { !$0.key.hasPrefix("_") }
        fields[ResponseField.status] = .string((finalize ? ResponseStatus.final : .draft).rawValue)
        fields[ResponseField.createdAt] = .integer(now.millisecondsSince1970)
        if let household { fields[ResponseField.household] = .string(LocalStore.key(household)) }
        record.write(fields, by: device.replica, at: now)
        try store.insertLocal(record, createdAt: now)
        if finalize { try visitForInterview(at: household) }
        return record
    }

    /// Writes answers (and metadata) to a response as one edit, validating the result as its status demands.
    @discardableResult
    func edit(_ id: UUID, changes: [String: FieldValue]) throws -> Record {
        let survey = try surveyOf(responseID: id)
        return try store.update(id: id) { record in
            var changed = record
            changed.write(changes, by: device.replica, at: clock.now())
            try validate(changed, survey: survey)
            return changed
        }
    }

    /// Marks a response final after validating it as final; the first time, a response at a door
    /// records an `interviewed` visit there (``visitForInterview(at:)``).
    func finalize(_ id: UUID) throws -> Record {
        let survey = try surveyOf(responseID: id)
        var newlyFinal = false
        let finalized = try store.update(id: id) { record in
            let issues = survey.validate(record.values, finalized: true)
            guard issues.isEmpty else { throw invalid(issues, survey: survey, answers: record.values) }
            if record.value(of: ResponseField.status) == .string(ResponseStatus.final.rawValue), !record.hasConflicts {
                return record
            }
            newlyFinal = record.value(of: ResponseField.status) != .string(ResponseStatus.final.rawValue)
            var changed = record
            changed.write(ResponseField.status, .string(ResponseStatus.final.rawValue), by: device.replica, at: clock.now())
            return changed
        }
        if newlyFinal, let door = ResponseField.doorKey(finalized.value(of: ResponseField.household)) {
            try visitForInterview(at: UUID(uuidString: door))
        }
        return finalized
    }

    /// Records an `interviewed` visit at `household`, the door of a response that has just become final, so
    /// that the door counts as visited and leaves everyone's to-do list; nothing when the door is not on this
    /// device (or deleted).
    private func visitForInterview(at household: UUID?) throws {
        guard let household, let door = try store.record(id: household)?.record,
            door.collection == RecordCollection.households, !door.isDeleted, !door.isErased
        else { return }
        _ = try visit(household, outcome: .interviewed, note: nil)
    }

    /// Deletes a record; its fields stay so that a restore brings them back.
    func delete(_ id: UUID) throws -> Record {
        try store.update(id: id) { record in
            var changed = record
            changed.delete(by: device.replica, at: clock.now())
            return changed
        }
    }

    /// Erases a record for good (a trainer, at a resident's request): its content is dropped
    /// here at once, and on the server and every device once this device syncs.
    func erase(_ id: UUID, reason: String = Erasure.onRequest) throws -> Record {
        try store.update(id: id, allowErased: true) { record in
            var changed = record
            changed.erase(Erasure(erasedBy: device.participant, erasedAt: clock.now(), reason: reason), by: device.replica)
            return changed
        }
    }

    /// Restores a deleted record.
    func restore(_ id: UUID) throws -> Record {
        try store.update(id: id) { record in
            var changed = record
            changed.restore(by: device.replica, at: clock.now())
            return changed
        }
    }

    /// Settles a field conflict by writing `value` again, having seen every sibling.
    func resolve(_ id: UUID, field: String, value: FieldValue) throws -> Record {
        let current = try store.record(id: id)?.record
        let survey = try current.flatMap { $0.collection == RecordCollection.responses ? try surveyOf($0) : nil }
        return try store.update(id: id) { record in
            var changed = record
            changed.write(field, value, by: device.replica, at: clock.now())
            if let survey { try validate(changed, survey: survey) }
            return changed
        }
    }

    /// Records a visit at a door as a new entry of its visit log (`visit.<id>`), written once.
    func visit(_ household: UUID, outcome: VisitOutcome, note: String?) throws -> Record {
        _ = try requireHousehold(household)
        let id = LocalStore.key(identifiers.makeUUID())
        return try store.update(id: household) { record in
            var changed = record
            let now = clock.now()
            changed.write(
                VisitField.entry(id), Visit.makeEntry(at: now, by: device.participant, outcome: outcome, note: note),
                by: device.replica, at: now)
            return changed
        }
    }

    /// Withdraws visit `visit` (an id or its prefix) at a door; only its visitor or a trainer may.
    func withdrawVisit(_ household: UUID, visit prefix: String) throws -> (record: Record, visit: Visit) {
        let door = try requireHousehold(household)
        guard let visit = VisitLog(door).visit(matching: prefix) else {
            throw FieldClientError(.notFound, texts("visit.noSuchVisit", ["id": short(household), "visit": prefix]))
        }
        guard device.role == .trainer || visit.by == device.participant else {
            throw FieldClientError(.unauthorized, texts("visit.notYours", ["visit": prefix, "by": visit.by]))
        }
        let record = try store.update(id: household) { record in
            var changed = record
            let now = clock.now()
            changed.write(VisitField.withdrawal(visit.id), Visit.makeWithdrawal(at: now, by: device.participant), by: device.replica, at: now)
            return changed
        }
        return (record, visit)
    }

    /// Adds a review message to a response; trainers write every kind, the response's owner only replies.
    func review(_ id: UUID, kind: ReviewKind, text: String) throws -> Record {
        guard let stored = try store.record(id: id) else {
            throw FieldClientError(.notFound, texts("error.recordMissing", ["id": short(id)]))
        }
        guard stored.record.collection == RecordCollection.responses else {
            throw FieldClientError(.usage, texts("error.isHousehold", ["id": short(id)]))
        }
        if device.role != .trainer {
            guard !kind.isTrainerOnly else { throw FieldClientError(.unauthorized, texts("review.trainersOnly", ["kind": kind.rawValue])) }
            guard stored.record.owner == device.participant else {
                throw FieldClientError(.unauthorized, texts("review.notYours", ["id": short(id), "owner": stored.record.owner]))
            }
        }
        let messageID = LocalStore.key(identifiers.makeUUID())
        return try store.update(id: id) { record in
            var changed = record
            let now = clock.now()
            let message = ReviewMessage(
                id: messageID, at: now, by: device.participant, role: device.role.rawValue, kind: kind, text: text)
            changed.write(ReviewField.message(messageID), message.fieldValue, by: device.replica, at: now)
            return changed
        }
    }

    /// The survey of response `id`; throws when it is no response or its survey is missing.
    private func surveyOf(responseID id: UUID) throws -> SurveyDefinition {
        guard let stored = try store.record(id: id) else {
            throw FieldClientError(.notFound, texts("error.recordMissing", ["id": short(id)]))
        }
        guard stored.record.collection == RecordCollection.responses else {
            throw FieldClientError(.usage, texts("error.isHousehold", ["id": short(id)]))
        }
        return try surveyOf(stored.record)
    }

    /// The survey version a response was collected with.
    func surveyOf(_ record: Record) throws -> SurveyDefinition {
        guard let id = record.survey, let survey = try store.survey(id: id, version: record.surveyVersion) else {
            throw FieldClientError(
                .notFound,
                texts("error.surveyVersionMissing", ["survey": record.survey ?? "?", "version": String(record.surveyVersion ?? 0)]))
        }
        return survey
    }

    /// Throws the issues of a response's shown answers under its status.
    private func validate(_ record: Record, survey: SurveyDefinition) throws {
        if record.isDeleted { return }
        let finalized = record.value(of: ResponseField.status) == .string(ResponseStatus.final.rawValue)
        let issues = survey.validate(record.values, finalized: finalized)
        guard issues.isEmpty else { throw invalid(issues, survey: survey, answers: record.values) }
    }

    /// The failure for `issues`, told in the user's language.
    private func invalid(_ issues: [ValidationIssue], survey: SurveyDefinition, answers: [String: FieldValue]) -> AnswerValidationError {
        AnswerValidationError(issues: IssueText(texts: texts).localize(issues, survey: survey, answers: answers))
    }

    private func requireHousehold(_ id: UUID) throws -> Record {
        guard let stored = try store.record(id: id), stored.record.collection == RecordCollection.households else {
            throw FieldClientError(.notFound, texts("error.householdMissing", ["id": short(id)]))
        }
        return stored.record
    }

    private func short(_ id: UUID) -> String { String(LocalStore.key(id).prefix(8)) }
}
