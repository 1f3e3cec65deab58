import Foundation
import SyncModel

/// Reads what a person typed as an answer: the survey's rules, plus the words `heute`/`today`
/// and `gestern`/`yesterday` for dates (in the local time zone), with problems in the user's language.
struct AnswerInput {
    /// The language and time zone.
    let texts: Texts
    /// The current time, for `heute` and `gestern`.
    let now: Timestamp

    /// Words for today, in any language.
    static let today: Set<String> = ["heute", "today"]
    /// Words for yesterday, in any language.
    static let yesterday: Set<String> = ["gestern", "yesterday"]

    /// The answer `text` gives to `question`, or the problem with it.
    func parse(_ text: String, question: Question, answers: [String: FieldValue]) -> Result<FieldValue, ValidationIssue> {
        var input = text
        if question.type == .date {
            let word = text.trimmingCharacters(in: .whitespaces).lowercased()
            if Self.today.contains(word) { input = texts.format.isoDay(now) }
            if Self.yesterday.contains(word) { input = texts.format.isoDay(now, addingDays: -1) }
        }
        return question.parseInput(input, answers: answers, language: texts.answers.surveyLanguage).mapError { issue in
            IssueText(texts: texts).localize(issue, question: question, value: text)
        }
    }
}
