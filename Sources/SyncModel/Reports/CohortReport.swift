import Foundation

/// What a cohort collected, computed from records and surveys alone, so that the server and a
/// trainer's offline replica compute the same numbers.
///
/// Question statistics count final responses that are not deleted; drafts and deleted
/// responses are only counted. For each survey id, the newest version's questions are used;
/// answers keyed by the same question name in older versions count with them.
public struct CohortReport: Codable, Hashable, Sendable {
    /// The most text answers a question lists, the first in interview order; the others are counted
    /// (``QuestionReport/textCount``) and the exports hold all of them.
    public static let listedTexts = 100

    /// One entry per survey id that is published or has responses, in id order.
    public var surveys: [SurveyReport]
    /// The shared door list.
    public var households: HouseholdReport
    /// The records with open conflicts, in id order.
    public var openConflicts: [ConflictSummary]

    /// Creates a report from its parts.
    public init(surveys: [SurveyReport], households: HouseholdReport, openConflicts: [ConflictSummary]) {
        self.surveys = surveys
        self.households = households
        self.openConflicts = openConflicts
    }
}

extension CohortReport {
    /// Computes the report over every record of a cohort and its published surveys (any versions).
    ///
    /// `timeZone` decides which calendar day an interview counts for. The order of `records`
    /// does not matter: responses are taken by start time (`_createdAt`), then id, so the same
    /// first text answers are listed, in interview order, wherever the report is computed.
    public static func make(
        records: some Sequence<Record>, surveys: [SurveyDefinition], timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin")!
    ) -> CohortReport {
        var builder = CohortReportBuilder(surveys: surveys, timeZone: timeZone)
        for record in records { builder.add(record) }
        return builder.report
    }
}
