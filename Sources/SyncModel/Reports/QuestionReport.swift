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
    /// For text questions: every answer, in response order.
    public var texts: [String]?
    /// For geopoint questions.
    public var geopoints: GeopointSummary?

    static func make(
        question: Question, responses: [[String: FieldValue]], relevance: [SurveyDefinition.Relevance]
    ) -> QuestionReport {
        var report = QuestionReport(
            name: question.name, label: question.label, type: question.type, personal: question.personal, answered: 0,
            skipped: 0, notRelevant: 0)
        var answers: [FieldValue] = []
        for (values, applies) in zip(responses, relevance) {
            if let value = values[question.name], !value.isUnanswered {
                report.answered += 1
                answers.append(value)
            } else if applies.relevant.contains(question.name) {
                report.skipped += 1
            } else {
                report.notRelevant += 1
            }
        }
        guard !question.personal else { return report }
        switch question.type {
        case .selectOne, .selectMultiple:
            var counts: [String: Int] = [:]
            for answer in answers {
                switch answer {
                case .string(let name): counts[name, default: 0] += 1
                case .array(let names): for case .string(let name) in Set(names) { counts[name, default: 0] += 1 }
                default: break
                }
            }
            report.choices = (question.choices ?? []).map { ChoiceCount(name: $0.name, label: $0.label, count: counts[$0.name] ?? 0) }
        case .integer, .decimal:
            report.numbers = NumberSummary(answers.compactMap(\.numberValue))
        case .text:
            report.texts = answers.compactMap(\.stringValue)
        case .geopoint:
            report.geopoints = GeopointSummary(answers)
        case .date, .note:
            break
        }
        return report
    }
}
