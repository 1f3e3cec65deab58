import Foundation

/// Computes a ``CohortReport`` one record at a time, in any order, keeping counts and the
/// answers a report lists (the first text answers, how often each number was given) but never
/// the records: a trainer's store of 100,000 responses is reported in bounded memory. ``CohortReport/make(records:surveys:timeZone:)`` is built on it.
public struct CohortReportBuilder {
    /// The newest published version of each survey id.
    private let newest: [String: SurveyDefinition]
    /// The calendar that decides an interview's day.
    private let calendar: Calendar
    /// One tally per survey id seen (published or answered).
    private var surveys: [String: SurveyTally] = [:]
    /// The door list's tally.
    private var households = HouseholdTally()
    /// Each door's street by door key (``ResponseField/doorKey(_:)``); the first kept.
    private var streets: [String: String?] = [:]
    /// Records with open conflicts.
    private var conflicts: [ConflictSummary] = []

    /// Starts a report over the published `surveys` (any versions); `timeZone` decides which
    /// calendar day an interview counts for.
    public init(surveys: [SurveyDefinition], timeZone: TimeZone = TimeZone(identifier: "Europe/Berlin")!) {
        var newest: [String: SurveyDefinition] = [:]
        for survey in surveys where (newest[survey.id]?.version ?? 0) < survey.version { newest[survey.id] = survey }
        self.newest = newest
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Counts one record of the cohort.
    public mutating func add(_ record: Record) {
        if record.collection == RecordCollection.households {
            households.add(record)
            let key = record.id.uuidString.lowercased()
            if streets[key] == nil { streets[key] = .some(record.value(of: HouseholdField.street)?.stringValue) }
        } else if record.collection == RecordCollection.responses, let survey = record.survey {
            surveys[survey, default: SurveyTally(surveyID: survey, definition: newest[survey], calendar: calendar)]
                .add(record)
        }
        let open = record.conflicts
        if !open.isEmpty { conflicts.append(ConflictSummary(record: record, conflicts: open)) }
    }

    /// The report over every record added: one entry per survey that is published or answered, in id order.
    public var report: CohortReport {
        let ids = Set(newest.keys).union(surveys.keys).sorted()
        return CohortReport(
            surveys: ids.map { id in
                (surveys[id] ?? SurveyTally(surveyID: id, definition: newest[id], calendar: calendar))
                    .report(streets: streets)
            },
            households: households.report,
            openConflicts: conflicts.sorted { $0.id.uuidString < $1.id.uuidString })
    }
}
