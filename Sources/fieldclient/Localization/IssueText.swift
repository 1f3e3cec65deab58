import SyncModel

/// A validation problem told in the user's language, naming the question's label, the bad value
/// and what is allowed (SyncModel's issues carry English messages for the API).
struct IssueText {
    /// The language.
    let texts: Texts

    /// `issue` with its message in the user's language; `survey` gives the question, `value` the
    /// rejected answer as typed or stored.
    func localize(_ issue: ValidationIssue, survey: SurveyDefinition?, value: String?) -> ValidationIssue {
        localize(issue, question: survey?.question(named: issue.question), survey: survey, value: value)
    }

    /// `issue` about `question` with its message in the user's language.
    func localize(_ issue: ValidationIssue, question: Question?, survey: SurveyDefinition? = nil, value: String?) -> ValidationIssue {
        ValidationIssue(
            question: issue.question, code: issue.code,
            message: message(issue, question: question, survey: survey, value: value))
    }

    /// The localized issues of a whole response: each names the stored answer.
    func localize(_ issues: [ValidationIssue], survey: SurveyDefinition, answers: [String: FieldValue]) -> [ValidationIssue] {
        issues.map { issue in
            let question = survey.question(named: issue.question)
            let value = answers[issue.question].map { texts.answers.text($0, question: question) }
            return localize(issue, survey: survey, value: value)
        }
    }

    private func message(_ issue: ValidationIssue, question: Question?, survey: SurveyDefinition?, value: String?) -> String {
        guard let question else {
            return texts(
                "issue.unknownQuestion",
                ["question": issue.question, "survey": survey?.id ?? "?", "version": String(survey?.version ?? 0)])
        }
        var arguments = ["title": title(question), "value": value ?? "—"]
        switch issue.code {
        case .wrongType:
            switch question.type {
            case .integer: return texts("issue.integer", arguments)
            case .decimal: return texts("issue.decimal", arguments)
            case .date: return texts("issue.date", arguments)
            case .geopoint: return texts("issue.geopoint", arguments)
            default: return texts("issue.wrongType", arguments)
            }
        case .unknownChoice:
            arguments["options"] = (question.choices ?? []).enumerated()
                .map { "\($0.offset + 1) = \(texts.answers.choiceLabel($0.element.name, of: question))" }
                .joined(separator: ", ")
            return texts("issue.unknownChoice", arguments)
        case .duplicateChoice: return texts("issue.duplicateChoice", arguments)
        case .outOfRange:
            arguments["range"] = range(question.min, question.max)
            return texts("issue.outOfRange", arguments)
        case .lengthOutOfRange:
            arguments["range"] = range(question.minLength.map(Double.init), question.maxLength.map(Double.init))
            arguments["length"] = String(value?.count ?? 0)
            return texts("issue.lengthOutOfRange", arguments)
        case .constraintViolated:
            if let reason = texts.answers.constraintMessage(of: question) {
                arguments["reason"] = reason
                return texts("issue.constraintReason", arguments)
            }
            arguments["constraint"] = question.constraint ?? ""
            return texts("issue.constraint", arguments)
        case .invalidDate: return texts("issue.date", arguments)
        case .invalidGeopoint: return texts("issue.geopoint", arguments)
        case .unknownQuestion:
            return texts(
                "issue.unknownQuestion",
                ["question": issue.question, "survey": survey?.id ?? "?", "version": String(survey?.version ?? 0)])
        case .missingRequired: return texts("issue.missingRequired", arguments)
        case .notRelevant: return texts("issue.notRelevant", arguments)
        case .answerToNote: return texts("issue.answerToNote", arguments)
        }
    }

    /// `'Label' (name)`, how messages refer to a question.
    private func title(_ question: Question) -> String {
        "'" + texts.answers.questionLabel(question) + "' (" + question.name + ")"
    }

    /// `0 to 120`, `at least 1`, `at most 5`, numbers the way the language writes them.
    private func range(_ low: Double?, _ high: Double?) -> String {
        switch (low, high) {
        case (let low?, let high?): return texts("issue.range.between", ["min": texts.format.decimal(low), "max": texts.format.decimal(high)])
        case (let low?, nil): return texts("issue.range.atLeast", ["min": texts.format.decimal(low)])
        case (nil, let high?): return texts("issue.range.atMost", ["max": texts.format.decimal(high)])
        case (nil, nil): return "—"
        }
    }
}
