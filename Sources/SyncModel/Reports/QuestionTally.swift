import Foundation

/// What final responses answered to one question, counted one response at a time; becomes a
/// ``QuestionReport``. Keeps counts, and only the answers a report lists (numbers, texts, points).
struct QuestionTally {
    /// The question.
    let question: Question
    /// Responses with an answer.
    private var answered = 0
    /// Responses where the question applied but was left unanswered.
    private var skipped = 0
    /// Responses where the question did not apply.
    private var notRelevant = 0
    /// Picks per choice name.
    private var choiceCounts: [String: Int] = [:]
    /// Numeric answers.
    private var numbers: [Double] = []
    /// Text answers with their response's order key.
    private var texts: [(order: ResponseOrder, text: String)] = []
    /// Geopoint answers.
    private var geopoints: [FieldValue] = []

    /// Starts counting `question`.
    init(question: Question) {
        self.question = question
    }

    /// Counts one final response with `values`, whose relevance is `relevance`, at `order`.
    mutating func add(values: [String: FieldValue], relevance: SurveyDefinition.Relevance, order: ResponseOrder) {
        guard let answer = values[question.name], !answer.isUnanswered else {
            if relevance.relevant.contains(question.name) { skipped += 1 } else { notRelevant += 1 }
            return
        }
        answered += 1
        // A personal question is only counted: none of its answers is kept.
        guard !question.personal else { return }
        switch question.type {
        case .selectOne, .selectMultiple:
            switch answer {
            case .string(let name): choiceCounts[name, default: 0] += 1
            case .array(let names): for case .string(let name) in Set(names) { choiceCounts[name, default: 0] += 1 }
            default: break
            }
        case .integer, .decimal:
            if let number = answer.numberValue { numbers.append(number) }
        case .text:
            if let text = answer.stringValue { texts.append((order, text)) }
        case .geopoint:
            geopoints.append(answer)
        case .date, .note:
            break
        }
    }

    /// The report: text answers in interview order, whatever order the responses came in.
    var report: QuestionReport {
        var report = QuestionReport(
            name: question.name, label: question.label, type: question.type, personal: question.personal,
            answered: answered, skipped: skipped, notRelevant: notRelevant)
        guard !question.personal else { return report }
        switch question.type {
        case .selectOne, .selectMultiple:
            report.choices = (question.choices ?? []).map {
                ChoiceCount(name: $0.name, label: $0.label, count: choiceCounts[$0.name] ?? 0)
            }
        case .integer, .decimal:
            report.numbers = NumberSummary(numbers)
        case .text:
            report.texts = texts.sorted { $0.order < $1.order }.map(\.text)
        case .geopoint:
            report.geopoints = GeopointSummary(geopoints)
        case .date, .note:
            break
        }
        return report
    }
}
