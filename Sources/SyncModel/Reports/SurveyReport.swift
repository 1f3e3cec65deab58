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
}
