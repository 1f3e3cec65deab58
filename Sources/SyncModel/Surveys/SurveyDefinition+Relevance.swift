extension SurveyDefinition {
    /// Which questions apply to a set of answers, and the answers that count.
    public struct Relevance: Hashable, Sendable {
        /// The names of the questions whose `relevant` condition holds (or that have none).
        public var relevant: Set<String>
        /// The answers to relevant questions that are answered; what later conditions see.
        public var effective: [String: FieldValue]
    }

    /// Walks the questions in order: a question whose condition is false is treated as
    /// unanswered by the conditions of later questions, as ODK does.
    public func relevance(of answers: [String: FieldValue]) -> Relevance {
        var result = Relevance(relevant: [], effective: [:])
        for question in questions {
            guard question.relevantCondition?.evaluate(answers: result.effective) ?? true else { continue }
            result.relevant.insert(question.name)
            if let value = answers[question.name], !value.isUnanswered {
                result.effective[question.name] = value
            }
        }
        return result
    }
}
