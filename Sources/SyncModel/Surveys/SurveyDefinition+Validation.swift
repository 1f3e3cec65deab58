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
        // Read in place: a `Question` is large, and copying one per answer showed in push profiles.
        questions.withUnsafeBufferPointer { questions in
            for index in questions.indices {
                if let issue = questions[index].issue(
                    answering: answers[questions[index].name] ?? .null, relevant: relevance.relevant[index],
                    finalized: finalized, answers: relevance.effective)
                {
                    issues.append(issue)
                }
            }
        }
        var unknown: [String] = []
        for key in answers.keys where !key.hasPrefix("_") && !hasQuestion(named: key) { unknown.append(key) }
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

extension Question {
    /// The issue of `value` as this question's answer, if any: `relevant` says whether the
    /// question applies, `answers` are the relevant answers its constraint reads.
    fileprivate func issue(
        answering value: FieldValue, relevant: Bool, finalized: Bool, answers: [String: FieldValue]
    ) -> ValidationIssue? {
        guard relevant else {
            guard !value.isUnanswered else { return nil }
            return issue(
                .notRelevant,
                "\(title) is answered with \(Question.quote(value)), but it does not apply because "
                    + "its condition `\(self.relevant ?? "")` is false for the other answers. Remove the answer.")
        }
        guard !value.isUnanswered else {
            guard finalized && required else { return nil }
            return issue(.missingRequired, "\(title) is required but unanswered; answer it before finalizing.")
        }
        return check(value, answers: answers)
    }
}
