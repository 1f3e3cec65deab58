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
        let flags = relevanceFlags(of: answers)
        var relevant = Set<String>(minimumCapacity: questions.count)
        for index in questions.indices where flags.relevant[index] { relevant.insert(questions[index].name) }
        return Relevance(relevant: relevant, effective: flags.effective)
    }

    /// ``relevance(of:)`` with one flag per question, in question order: what validation uses
    /// on the push path, without hashing every name into a set.
    func relevanceFlags(of answers: [String: FieldValue]) -> (relevant: [Bool], effective: [String: FieldValue]) {
        var relevant = [Bool](repeating: false, count: questions.count)
        var effective = [String: FieldValue](minimumCapacity: questions.count)
        for index in questions.indices {
            guard questions[index].relevantCondition?.evaluate(answers: effective) ?? true else { continue }
            relevant[index] = true
            let name = questions[index].name
            if let value = answers[name], !value.isUnanswered {
                effective[name] = value
            }
        }
        return (relevant, effective)
    }
}
