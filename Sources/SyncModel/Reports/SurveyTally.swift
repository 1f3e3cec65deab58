import Foundation

/// The responses to one survey, counted one response at a time; becomes a ``SurveyReport``.
/// Holds counts and per-question tallies, never the responses themselves.
struct SurveyTally {
    /// The survey id.
    let surveyID: String
    /// The newest published version, whose questions are counted; nil when not published.
    let definition: SurveyDefinition?
    /// The calendar that decides an interview's day.
    let calendar: Calendar
    /// Final, draft, deleted and erased responses.
    private var final = 0, drafts = 0, deleted = 0, erased = 0
    /// Responses that are not deleted, per review state.
    private var reviews: [ReviewState: Int] = [:]
    /// Counts per participant and per day.
    private var byParticipant = GroupCounter(), byDay = GroupCounter()
    /// Counts per household id (the street is looked up at the end, when every door is known).
    private var byHousehold = GroupCounter()
    /// One tally per question that takes an answer, in question order.
    private var questions: [QuestionTally]

    /// Starts counting responses to `surveyID`.
    init(surveyID: String, definition: SurveyDefinition?, calendar: Calendar) {
        self.surveyID = surveyID
        self.definition = definition
        self.calendar = calendar
        questions = definition?.questions.filter(\.type.takesAnswer).map(QuestionTally.init) ?? []
    }

    /// Counts one response.
    mutating func add(_ response: Record) {
        if response.isErased {
            erased += 1
            return
        }
        if response.isDeleted {
            deleted += 1
            return
        }
        reviews[ReviewThread(response).state, default: 0] += 1
        let values = response.ownValues
        let isFinal = values[ResponseField.status] == .string(ResponseStatus.final.rawValue)
        if isFinal { final += 1 } else { drafts += 1 }
        byParticipant.count(response.owner, isFinal: isFinal)
        byHousehold.count(ResponseField.doorKey(values[ResponseField.household]) ?? "", isFinal: isFinal)
        if case .integer(let started)? = values[ResponseField.createdAt] {
            let date = Date(timeIntervalSince1970: Double(started) / 1000)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            byDay.count(String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0), isFinal: isFinal)
        }
        guard isFinal, let definition else { return }
        let relevance = definition.relevance(of: values)
        let order = ResponseOrder(response)
        for index in questions.indices { questions[index].add(values: values, relevance: relevance, order: order) }
    }

    /// The report, with each response's household placed in its street from `streets` (door key,
    /// ``ResponseField/doorKey(_:)``, to street; responses without a known household count under
    /// the empty street name).
    func report(streets: [String: String?]) -> SurveyReport {
        var byStreet = GroupCounter()
        for group in byHousehold.groups {
            byStreet.add(group, as: streets[group.name].flatMap { $0 } ?? "")
        }
        return SurveyReport(
            survey: surveyID, version: definition?.version, title: definition?.title ?? surveyID, final: final,
            drafts: drafts, deleted: deleted, erased: erased, participants: byParticipant.groups, streets: byStreet.groups,
            days: byDay.groups, questions: questions.map(\.report),
            reviews: ReviewState.allCases.map { StateCount(state: $0.rawValue, count: reviews[$0] ?? 0) })
    }
}
