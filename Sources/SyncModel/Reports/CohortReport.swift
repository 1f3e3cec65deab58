import Foundation

/// What a cohort collected, computed from records and surveys alone, so that the server and a
/// trainer's offline replica compute the same numbers.
///
/// Question statistics count final responses that are not deleted; drafts and deleted
/// responses are only counted. For each survey id, the newest version's questions are used;
/// answers keyed by the same question name in older versions count with them.
public struct CohortReport: Codable, Hashable, Sendable {
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
    /// does not matter: responses are taken by start time (`_createdAt`), then id, so text
    /// answers are listed in interview order wherever the report is computed.
    public static func make(
        records: some Sequence<Record>, surveys: [SurveyDefinition], timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin")!
    ) -> CohortReport {
        var households: [Record] = []
        var responsesBySurvey: [String: [Record]] = [:]
        var conflicts: [ConflictSummary] = []
        for record in records {
            if record.collection == RecordCollection.households {
                households.append(record)
            } else if record.collection == RecordCollection.responses, let survey = record.survey {
                responsesBySurvey[survey, default: []].append(record)
            }
            let open = record.conflicts
            if !open.isEmpty { conflicts.append(ConflictSummary(record: record, conflicts: open)) }
        }
        let streets = Dictionary(
            households.map { ($0.id.uuidString, $0.value(of: HouseholdField.street)?.stringValue) },
            uniquingKeysWith: { first, _ in first })
        var newest: [String: SurveyDefinition] = [:]
        for survey in surveys where (newest[survey.id]?.version ?? 0) < survey.version { newest[survey.id] = survey }
        let ids = Set(newest.keys).union(responsesBySurvey.keys).sorted()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return CohortReport(
            surveys: ids.map { id in
                SurveyReport.make(
                    surveyID: id, definition: newest[id], responses: (responsesBySurvey[id] ?? []).sorted(by: startOrder),
                    streets: streets, calendar: calendar)
            },
            households: HouseholdReport.make(households: households),
            openConflicts: conflicts.sorted { $0.id.uuidString < $1.id.uuidString })
    }

    /// Orders responses by `_createdAt` (missing first), then by id.
    private static func startOrder(_ lhs: Record, _ rhs: Record) -> Bool {
        func start(_ record: Record) -> Int64 {
            if case .integer(let value)? = record.value(of: ResponseField.createdAt) { return value }
            return .min
        }
        let (left, right) = (start(lhs), start(rhs))
        return left != right ? left < right : lhs.id.uuidString < rhs.id.uuidString
    }
}
