import Foundation
import SyncModel

/// An interview in the terminal, one question at a time; each answer is stored in its own
/// transaction as it is given, so a killed process loses at most the answer being typed.
struct Interview {
    /// The survey.
    let survey: SurveyDefinition
    /// The record operations.
    let records: FieldRecords
    /// The household the interview is held at.
    let household: UUID?
    /// The input.
    let input: any LineSource
    /// Writes text as given (no newline added): prompts and messages.
    let emit: (String) -> Void
    /// The survey language the questions are shown in at the start (a tag of `survey.languages`);
    /// nil for the default language. `lang TAG` changes it for the rest of the interview.
    var language: String? = nil

    /// Runs the interview to its end, `quit`, or the end of input.
    func run() throws -> InterviewResult {
        var language = self.language.flatMap(survey.languageTag(for:))
        var answers: [String: FieldValue] = [:]
        var id: UUID?
        var index = 0
        var history: [Int] = []
        let questions = survey.questions
        var texts = records.texts.inSurveyLanguage(language)
        var reader = AnswerInput(texts: texts, now: records.clock.now())
        write(texts("interview.title", ["title": survey.title, "survey": survey.id, "version": String(survey.version)]))
        write(texts("interview.keys"))
        if survey.languages.count > 1 {
            write(texts("interview.language.intro", ["language": describe(language)]))
        }

        func store(_ given: [String: FieldValue]) throws {
            var changes = given
            // Answers that stop applying because of this one are cleared in the same edit.
            let updated = answers.merging(given) { $1 }
            for (position, question) in questions.enumerated() {
                guard let value = updated[question.name], !value.isNull, changes[question.name] == nil else { continue }
                let applies =
                    question.relevantCondition?.evaluate(answers: effectiveAnswers(updated, before: position)) ?? true
                if !applies { changes[question.name] = .null }
            }
            if let id {
                try records.edit(id, changes: changes)
            } else {
                let record = try records.createResponse(
                    survey: survey, answers: changes, finalize: false, household: household)
                id = record.id
            }
            answers.merge(changes) { $1 }
        }

        var shownGroup: String?
        while index < questions.count {
            let question = questions[index]
            let relevant = question.relevantCondition?.evaluate(answers: effectiveAnswers(answers, before: index)) ?? true
            if !relevant {
                if let old = answers[question.name], !old.isNull { try store([question.name: .null]) }
                index += 1
                continue
            }
            if let group = question.group, group != shownGroup { write("\n== \(group) ==") }
            shownGroup = question.group
            if question.type == .note {
                write("\n" + texts.answers.questionLabel(question))
                history.append(index)
                index += 1
                continue
            }
            write("")
            write("[\(index + 1)/\(questions.count)] \(texts.answers.questionLabel(question))\(question.required ? " *" : "")")
            if let hint = texts.answers.hint(of: question) { write("  (\(hint))") }
            for (number, choice) in (question.choices ?? []).enumerated() {
                write("  \(number + 1)) \(texts.answers.choiceLabel(choice.name, of: question))")
            }
            if question.type == .selectMultiple { write("  " + texts("interview.severalNumbers")) }
            if question.type == .date { write("  " + texts("interview.dateHint")) }
            let current = answers[question.name].flatMap { $0.isNull ? nil : $0 }
            if let current {
                write("  " + texts("interview.currentAnswer", ["answer": texts.answers.text(current, question: question)]))
            }
            let suggested = current == nil ? question.defaultValue : nil
            if let suggested { write("  " + texts("interview.default", ["value": suggested])) }
            emit("> ")
            guard let line = input.nextLine() else {
                write("")
                return InterviewResult(id: id, status: id == nil ? nil : .draft, quit: true)
            }
            var text = line.trimmingCharacters(in: .whitespaces)
            if let request = Interview.languageRequest(text) {
                if let wanted = request {
                    if let tag = survey.languageTag(for: wanted) {
                        language = tag
                        texts = records.texts.inSurveyLanguage(language)
                        reader = AnswerInput(texts: texts, now: records.clock.now())
                        write(texts("interview.language.switched", ["language": describe(language)]))
                    } else {
                        write(texts("interview.language.unknown", ["language": wanted]) + " " + languageList(current: language, texts: texts))
                    }
                } else {
                    write(languageList(current: language, texts: texts))
                }
                continue
            }
            switch text.lowercased() {
            case "quit", "q", "ende", "abbrechen":
                if let id { write(texts("interview.stopped", ["id": String(LocalStore.key(id).prefix(8))])) }
                return InterviewResult(id: id, status: id == nil ? nil : .draft, quit: true)
            case "back", "zurück", "zurueck":
                if let previous = history.popLast() {
                    index = previous
                } else {
                    write(texts("interview.firstQuestion"))
                }
                continue
            case "skip", "weiter", "überspringen":
                if question.required {
                    write(question.requiredMessage ?? texts("interview.cannotSkip"))
                    continue
                }
                if current != nil { try store([question.name: .null]) }
                history.append(index)
                index += 1
                continue
            default:
                break
            }
            if text.isEmpty, let suggested {
                text = suggested
            }
            if text.isEmpty {
                if current != nil || !question.required {
                    history.append(index)
                    index += 1
                } else {
                    write(question.requiredMessage ?? texts("interview.required"))
                }
                continue
            }
            switch reader.parse(text, question: question, answers: effectiveAnswers(answers, before: index)) {
            case .failure(let issue):
                write("! \(issue.message)")
                continue
            case .success(let value):
                try store([question.name: value])
                history.append(index)
                index += 1
            }
        }
        guard let id else {
            write("\n" + texts("interview.nothingStored"))
            return InterviewResult(id: nil, status: nil, quit: false)
        }
        while true {
            let short = String(LocalStore.key(id).prefix(8))
            write("\n" + texts("interview.finalizePrompt"))
            emit("> ")
            let choice = input.nextLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "d"
            if ["f", "finalize", "final", "y", "yes", "j", "ja", "a", "abschließen", "abschliessen"].contains(choice) {
                do {
                    _ = try records.finalize(id)
                    write(texts("interview.final", ["id": short]))
                    if household != nil { write(texts("interview.doorInterviewed")) }
                    return InterviewResult(id: id, status: .final, quit: false)
                } catch let error as AnswerValidationError {
                    write(texts("interview.cannotFinalize"))
                    error.lines.forEach { write($0) }
                    write(texts("interview.staysDraft"))
                    return InterviewResult(id: id, status: .draft, quit: false)
                }
            }
            if ["d", "draft", "n", "no", "nein", "e", "entwurf", ""].contains(choice) {
                write(texts("interview.draft", ["id": short]))
                return InterviewResult(id: id, status: .draft, quit: false)
            }
            write(texts("interview.typeFOrD"))
        }
    }

    /// The answers of relevant questions before `index`, as conditions see them.
    private func effectiveAnswers(_ answers: [String: FieldValue], before index: Int) -> [String: FieldValue] {
        var result: [String: FieldValue] = [:]
        for question in survey.questions.prefix(index) {
            if let value = answers[question.name], !value.isNull { result[question.name] = value }
        }
        return result
    }

    /// `lang` → `.some(nil)` (list the languages), `lang tr` → `.some("tr")`; nil for any other input.
    static func languageRequest(_ text: String) -> String?? {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard let first = words.first, ["lang", "sprache"].contains(first.lowercased()) else { return nil }
        return .some(words.count > 1 ? words.dropFirst().joined(separator: " ") : nil)
    }

    /// `Deutsch (de)`, the language with `tag`; the default language for nil.
    private func describe(_ tag: String?) -> String {
        let current = tag ?? survey.defaultLanguage ?? SurveyLanguage.defaultTag
        guard let language = survey.languages.first(where: { $0.tag == current }) else { return current }
        return language.name == language.tag ? language.tag : "\(language.name) (\(language.tag))"
    }

    /// The survey's languages, the current one marked, or a note that there is only one.
    private func languageList(current: String?, texts: Texts) -> String {
        guard let example = survey.languages.last, survey.languages.count > 1 else { return texts("interview.language.single") }
        let active = current ?? survey.defaultLanguage ?? SurveyLanguage.defaultTag
        let items = survey.languages.map { language in
            language.tag == active
                ? texts("interview.language.current", ["tag": language.tag, "name": language.name])
                : "\(language.tag) (\(language.name))"
        }
        return texts("interview.language.list", ["languages": items.joined(separator: ", "), "example": example.tag])
    }

    /// Writes one line.
    private func write(_ text: String) {
        emit(text + "\n")
    }
}
