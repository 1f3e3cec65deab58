extension SurveyDefinition {
    /// Checks a response's answers; drafts (`finalized == false`) may leave required questions unanswered.
    ///
    /// Questions are visited in order. A question whose `relevant` condition is false is treated as
    /// unanswered by later conditions, and an answer to it is reported as `notRelevant`. Answer keys
    /// starting with `_` are record metadata and ignored; other keys that are no question are
    /// reported as `unknownQuestion` after the question issues, sorted by key. Each question gets at
    /// most one issue, so the result is deterministic.
    public func validate(_ answers: [String: FieldValue], finalized: Bool) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let relevance = relevanceFlags(of: answers)
        for index in questions.indices {
            let question = questions[index]
            let value = answers[question.name] ?? .null
            if !relevance.relevant[index] {
                if !value.isUnanswered {
                    issues.append(
                        question.issue(
                            .notRelevant,
                            "\(question.title) is answered with \(Question.quote(value)), but it does not apply because "
                                + "its condition `\(question.relevant ?? "")` is false for the other answers. Remove the answer."))
                }
                continue
            }
            if value.isUnanswered {
                if finalized && question.required {
                    issues.append(
                        question.issue(
                            .missingRequired,
                            "\(question.title) is required but unanswered; answer it before finalizing."))
                }
                continue
            }
            if let issue = question.check(value, answers: relevance.effective) { issues.append(issue) }
        }
        let unknown = answers.keys.filter { !$0.hasPrefix("_") && question(named: $0) == nil }
        for key in unknown.sorted() {
            issues.append(
                ValidationIssue(
                    question: key, code: .unknownQuestion,
                    message: "'\(key)' is not a question of survey '\(id)' (version \(version)); remove the answer "
                        + "or check the survey version."))
        }
        return issues
    }
}
