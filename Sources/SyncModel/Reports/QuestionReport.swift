/// What final responses answered to one question.
public struct QuestionReport: Codable, Hashable, Sendable {
    /// The question name.
    public var name: String
    /// The question's label.
    public var label: String
    /// The question type.
    public var type: QuestionType
    /// Whether the question is personal: then only the three counts are filled, never choices, numbers, texts
    /// or locations.
    public var personal: Bool
    /// Responses with an answer.
    public var answered: Int
    /// Responses where the question applied but was left unanswered.
    public var skipped: Int
    /// Responses where the question did not apply (its condition was false).
    public var notRelevant: Int
    /// For select questions: how often each choice was picked, in choice order; a
    /// `select_multiple` answer counts once for every choice it holds.
    public var choices: [ChoiceCount]?
    /// For integer and decimal questions.
    public var numbers: NumberSummary?
    /// For text questions: the answers in interview order (by start, then id), at most the first
    /// ``CohortReport/listedTexts``; ``textCount`` counts all, the exports hold all.
    public var texts: [String]?
    /// For text questions: how many answers there are, listed in ``texts`` or not.
    public var textCount: Int?
    /// For geopoint questions.
    public var geopoints: GeopointSummary?
}
