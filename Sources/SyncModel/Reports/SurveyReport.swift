import Foundation

/// The responses to one survey: how many, by whom, where and when, and what was answered.
public struct SurveyReport: Codable, Hashable, Sendable {
    /// The survey id.
    public var survey: String
    /// The newest published version; nil when responses name a survey that is not published.
    public var version: Int?
    /// The newest version's title, or the id.
    public var title: String
    /// Final responses that are not deleted.
    public var final: Int
    /// Drafts that are not deleted.
    public var drafts: Int
    /// Deleted responses, final or draft.
    public var deleted: Int
    /// Erased responses ("gelöscht auf Wunsch", or by retention): only counted, nothing of them is shown.
    public var erased: Int
    /// Counts per participant, in name order.
    public var participants: [GroupCount]
    /// Counts per street of the interviewed household, in street order; responses without a
    /// household count under the empty street name.
    public var streets: [GroupCount]
    /// Counts per interview day (`YYYY-MM-DD`), in day order.
    public var days: [GroupCount]
    /// Statistics per question, over final responses, in question order.
    public var questions: [QuestionReport]
    /// Responses that are not deleted, per review state (``ReviewThread/state``), in the order of
    /// ``ReviewState/allCases``.
    public var reviews: [StateCount] = []

    static func make(
        surveyID: String, definition: SurveyDefinition?, responses: [Record], streets: [String: String?],
        calendar: Calendar
    ) -> SurveyReport {
        var report = SurveyReport(
            survey: surveyID, version: definition?.version, title: definition?.title ?? surveyID, final: 0, drafts: 0,
            deleted: 0, erased: 0, participants: [], streets: [], days: [], questions: [])
        var byParticipant = GroupCounter()
        var byStreet = GroupCounter()
        var byDay = GroupCounter()
        var finals: [[String: FieldValue]] = []
        var reviews: [ReviewState: Int] = [:]
        for response in responses {
            if response.isErased {
                report.erased += 1
                continue
            }
            if response.isDeleted {
                report.deleted += 1
                continue
            }
            reviews[ReviewThread(response).state, default: 0] += 1
            let values = response.ownValues
            let isFinal = values[ResponseField.status] == .string(ResponseStatus.final.rawValue)
            if isFinal {
                report.final += 1
                finals.append(values)
            } else {
                report.drafts += 1
            }
            byParticipant.count(response.owner, isFinal: isFinal)
            let household = values[ResponseField.household]?.stringValue
            byStreet.count(household.flatMap { streets[$0] ?? nil } ?? "", isFinal: isFinal)
            if case .integer(let started)? = values[ResponseField.createdAt] {
                let date = Date(timeIntervalSince1970: Double(started) / 1000)
                let parts = calendar.dateComponents([.year, .month, .day], from: date)
                byDay.count(
                    String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0), isFinal: isFinal)
            }
        }
        report.participants = byParticipant.groups
        report.streets = byStreet.groups
        report.days = byDay.groups
        report.reviews = ReviewState.allCases.map { StateCount(state: $0.rawValue, count: reviews[$0] ?? 0) }
        if let definition {
            let relevance = finals.map { definition.relevance(of: $0) }
            report.questions = definition.questions.filter(\.type.takesAnswer).map { question in
                QuestionReport.make(question: question, responses: finals, relevance: relevance)
            }
        }
        return report
    }
}
