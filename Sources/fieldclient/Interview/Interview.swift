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
        write("\(survey.title) (\(survey.id), version \(survey.version))")
        write("Type 'back' for the previous question, 'skip' to leave an optional one, 'quit' to stop (the draft is kept).")
        if survey.languages.count > 1 {
            write("Questionnaire language: \(describe(language)). Type 'lang' to list the languages, 'lang TAG' to switch.")
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
                write("\n\(question.label(in: language))")
                history.append(index)
                index += 1
                continue
            }
            write("")
            write("[\(index + 1)/\(questions.count)] \(question.label(in: language))\(question.required ? " *" : "")")
            if let hint = question.hint(in: language) { write("  (\(hint))") }
            for (number, choice) in (question.choices ?? []).enumerated() {
                write("  \(number + 1)) \(choice.label(in: language))")
            }
            if question.type == .selectMultiple { write("  Several numbers separated by spaces.") }
            let current = answers[question.name].flatMap { $0.isNull ? nil : $0 }
            if let current { write("  Current answer: \(current.displayText) (press Enter to keep it)") }
            let suggested = current == nil ? question.defaultValue : nil
            if let suggested { write("  Default: \(suggested) (press Enter to take it)") }
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
                        write("Questionnaire language: \(describe(language)).")
                    } else {
                        write("This survey has no language '\(wanted)'. \(languageList(current: language))")
                    }
                } else {
                    write(languageList(current: language))
                }
                continue
            }
            switch text.lowercased() {
            case "quit", "q", "ende":
                if let id { write("Stopped. The draft \(LocalStore.key(id).prefix(8)) is kept.") }
                return InterviewResult(id: id, status: id == nil ? nil : .draft, quit: true)
            case "back", "zurück", "zurueck":
                if let previous = history.popLast() {
                    index = previous
                } else {
                    write("This is the first question.")
                }
                continue
            case "skip", "weiter":
                if question.required {
                    write(question.requiredMessage ?? "This question is required and cannot be skipped.")
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
                    write(question.requiredMessage ?? "This question is required; please answer it.")
                }
                continue
            }
            switch question.parseInput(text, answers: effectiveAnswers(answers, before: index), language: language) {
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
            write("\nNo answers were given; nothing was stored.")
            return InterviewResult(id: nil, status: nil, quit: false)
        }
        while true {
            write("\nAll questions done. Finalize the response? [f]inalize / [d]raft")
            emit("> ")
            let choice = input.nextLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "d"
            if ["f", "finalize", "final", "y", "yes", "j", "ja"].contains(choice) {
                do {
                    _ = try records.finalize(id)
                    write("Response \(LocalStore.key(id).prefix(8)) is final.")
                    return InterviewResult(id: id, status: .final, quit: false)
                } catch let error as AnswerValidationError {
                    write("The response cannot be finalized yet:")
                    error.lines.forEach { write($0) }
                    write("It stays a draft; correct it with 'fieldclient edit', then 'fieldclient finalize'.")
                    return InterviewResult(id: id, status: .draft, quit: false)
                }
            }
            if ["d", "draft", "n", "no", "nein", ""].contains(choice) {
                write("Response \(LocalStore.key(id).prefix(8)) is kept as a draft.")
                return InterviewResult(id: id, status: .draft, quit: false)
            }
            write("Please type f or d.")
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
    private func languageList(current: String?) -> String {
        guard survey.languages.count > 1 else { return "This survey is in one language only." }
        let active = current ?? survey.defaultLanguage ?? SurveyLanguage.defaultTag
        let items = survey.languages.map { language in
            "\(language.tag) (\(language.name)\(language.tag == active ? ", current" : ""))"
        }
        return "Languages: \(items.joined(separator: ", ")). Switch with 'lang TAG', e.g. 'lang \(survey.languages.last!.tag)'."
    }

    /// Writes one line.
    private func write(_ text: String) {
        emit(text + "\n")
    }
}
