import Foundation

/// One response as the JSON and GeoJSON exports show it: metadata and the shown answers.
///
/// A field with an open conflict exports its shown value (the winning sibling), as the
/// field client and the report show it.
public struct ExportedResponse: Codable, Hashable, Sendable {
    /// The record id.
    public var id: UUID
    /// The survey id.
    public var survey: String
    /// The survey version the response was started with.
    public var surveyVersion: Int?
    /// The interviewer (the record's owner).
    public var participant: String
    /// When the interview started (ISO 8601, UTC); nil when unknown.
    public var created: String?
    /// When anything in the record last changed (ISO 8601, UTC); nil for a record without writes.
    public var updated: String?
    /// `draft` or `final`.
    public var status: String
    /// The id of the household record the interview was held at, in lower case as the door list writes it.
    public var household: String?
    /// The review state (``ReviewState`` code, e.g. `question-open`).
    public var review: String
    /// The answers by question name (metadata fields starting with `_` left out).
    public var answers: [String: FieldValue]

    /// Takes the shown values of `record`; with `pseudonymization`, the participant's pseudonym instead of the
    /// name and no answers to `survey`'s personal questions.
    public init(record: Record, survey: SurveyDefinition, pseudonymization: ExportPseudonymization?) {
        self.init(record: record)
        guard let pseudonymization else { return }
        participant = pseudonymization.pseudonym(participant)
        let personal = ExportPseudonymization.personalQuestions(of: survey)
        answers = answers.filter { !personal.contains($0.key) }
    }

    /// Takes the shown values of `record`.
    public init(record: Record) {
        let values = record.values
        id = record.id
        survey = record.survey ?? ""
        surveyVersion = record.surveyVersion
        participant = record.owner
        if case .integer(let started)? = values[ResponseField.createdAt] {
            created = Self.isoTimestamp(Timestamp(millisecondsSince1970: started))
        }
        updated = record.lastModified.map(Self.isoTimestamp)
        status = values[ResponseField.status]?.stringValue ?? ResponseStatus.draft.rawValue
        household = ResponseField.doorKey(values[ResponseField.household])
        review = ReviewThread(record).state.rawValue
        answers = values.filter { !$0.key.hasPrefix("_") }
    }

    /// `2026-11-25T09:30:00Z`: UTC, whole seconds.
    public static func isoTimestamp(_ time: Timestamp) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let seconds = time.millisecondsSince1970 >= 0
            ? time.millisecondsSince1970 / 1000 : (time.millisecondsSince1970 - 999) / 1000
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(seconds)))
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0, parts.second ?? 0)
    }
}
