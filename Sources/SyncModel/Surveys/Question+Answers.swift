extension Question {
    /// Checks one answer against the question's type, choices, bounds and constraint.
    ///
    /// `answers` are the other answers, for constraints that refer to earlier questions.
    /// A `null` (or empty) answer is unanswered and has no issue here; whether it is required
    /// is the survey's business. Returns the first problem found, or `nil`; a constraint's
    /// message is taken in `language` when the question has it.
    public func check(_ value: FieldValue, answers: [String: FieldValue] = [:], language: String? = nil) -> ValidationIssue? {
        if value.isUnanswered { return nil }
        if type == .note {
            return issue(.answerToNote, "\(title) is a note and takes no answer, but has \(Question.quote(value)).")
        }
        if let issue = checkShape(value) { return issue }
        if let issue = checkBounds(value) { return issue }
        if let constraintCondition, !constraintCondition.evaluate(answers: answers, current: value) {
            let reason = constraintMessage(in: language).map { " (\($0))" } ?? ""
            return issue(
                .constraintViolated,
                "'\(label(in: language))' (\(name)): \(Question.quote(value)) does not satisfy the constraint `\(constraint ?? "")`\(reason).")
        }
        return nil
    }

    /// `'Label' (name)`, how messages refer to the question.
    var title: String { "'\(label)' (\(name))" }

    func issue(_ code: ValidationIssue.Code, _ message: String) -> ValidationIssue {
        ValidationIssue(question: name, code: code, message: message)
    }

    private func checkShape(_ value: FieldValue) -> ValidationIssue? {
        switch type {
        case .text:
            guard value.stringValue != nil else { return wrongType(value, expected: "text") }
        case .integer:
            guard case .integer = value else { return wrongType(value, expected: "a whole number") }
        case .decimal:
            guard value.numberValue != nil else { return wrongType(value, expected: "a number") }
        case .selectOne:
            guard let name = value.stringValue else {
                return wrongType(value, expected: "one choice name (\(choiceNames))")
            }
            if !hasChoice(named: name) { return unknownChoice(name) }
        case .selectMultiple:
            guard case .array(let items) = value else {
                return wrongType(value, expected: "a list of choice names (\(choiceNames))")
            }
            // A selection holds a few names of a short list: comparing with the earlier ones is cheaper than a set.
            for (index, item) in items.enumerated() {
                guard let name = item.stringValue else {
                    return wrongType(value, expected: "a list of choice names (\(choiceNames))")
                }
                if !hasChoice(named: name) { return unknownChoice(name) }
                if items[..<index].contains(where: { $0.stringValue == name }) {
                    return issue(.duplicateChoice, "\(title): choice '\(name)' is selected twice; select each choice once.")
                }
            }
        case .date:
            guard let text = value.stringValue else { return wrongType(value, expected: "a date written YYYY-MM-DD") }
            if CalendarDate(iso: text) == nil {
                return issue(
                    .invalidDate, "\(title): '\(text)' is not a real date; write YYYY-MM-DD, e.g. 2026-11-25.")
            }
        case .geopoint:
            return checkGeopoint(value)
        case .note:
            break
        }
        return nil
    }

    /// The members a location answer may have.
    private static let geopointKeys: Set<String> = ["latitude", "longitude", "altitude", "accuracy"]

    private func checkGeopoint(_ value: FieldValue) -> ValidationIssue? {
        guard case .object(let members) = value else {
            return wrongType(value, expected: "a location {latitude, longitude, altitude?, accuracy?}")
        }
        func invalid(_ problem: String) -> ValidationIssue {
            issue(.invalidGeopoint, "\(title): \(Question.quote(value)) is not a valid location: \(problem).")
        }
        let allowed = Self.geopointKeys
        if members.keys.contains(where: { !allowed.contains($0) }),
            let extra = members.keys.sorted().first(where: { !allowed.contains($0) })
        {
            return invalid("unknown key '\(extra)' (allowed: latitude, longitude, altitude, accuracy)")
        }
        for key in ["latitude", "longitude", "altitude", "accuracy"] {
            if let member = members[key], member.numberValue == nil {
                return invalid("\(key) must be a number")
            }
        }
        guard let latitude = members["latitude"]?.numberValue else { return invalid("latitude is missing") }
        guard let longitude = members["longitude"]?.numberValue else { return invalid("longitude is missing") }
        guard (-90...90).contains(latitude) else { return invalid("latitude must be between -90 and 90") }
        guard (-180...180).contains(longitude) else { return invalid("longitude must be between -180 and 180") }
        if let accuracy = members["accuracy"]?.numberValue, accuracy < 0 {
            return invalid("accuracy must not be negative")
        }
        return nil
    }

    private func checkBounds(_ value: FieldValue) -> ValidationIssue? {
        if type.isNumeric, let number = value.numberValue,
            (min.map { number < $0 } ?? false) || (max.map { number > $0 } ?? false)
        {
            return issue(
                .outOfRange, "\(title): \(value.displayText) is out of range; allowed is \(Question.range(min, max)).")
        }
        if type == .text, minLength != nil || maxLength != nil, let text = value.stringValue {
            let length = text.count
            if (minLength.map { length < $0 } ?? false) || (maxLength.map { length > $0 } ?? false) {
                let bounds = Question.range(minLength.map(Double.init), maxLength.map(Double.init))
                return issue(
                    .lengthOutOfRange,
                    "\(title): the answer has \(length) characters; allowed is \(bounds) characters.")
            }
        }
        return nil
    }

    private var choiceNames: String {
        (choices ?? []).map(\.name).joined(separator: ", ")
    }

    private func wrongType(_ value: FieldValue, expected: String) -> ValidationIssue {
        issue(.wrongType, "\(title) expects \(expected), but got \(Question.quote(value)).")
    }

    private func unknownChoice(_ name: String) -> ValidationIssue {
        issue(.unknownChoice, "\(title): '\(name)' is not one of the choices; allowed are \(choiceNames).")
    }

    static func quote(_ value: FieldValue) -> String {
        switch value {
        case .string(let text): return "'\(text)'"
        case .array: return "[\(value.displayText)]"
        case .object: return "{\(value.displayText)}"
        case .bool(let flag): return flag ? "true" : "false"
        default: return value.displayText
        }
    }

    static func range(_ lower: Double?, _ upper: Double?) -> String {
        switch (lower, upper) {
        case (let lower?, let upper?): return "\(format(lower)) to \(format(upper))"
        case (let lower?, nil): return "at least \(format(lower))"
        case (nil, let upper?): return "at most \(format(upper))"
        case (nil, nil): return "anything"
        }
    }
}

extension FieldValue {
    /// Whether the value counts as no answer: `null`, an empty string or an empty selection.
    public var isUnanswered: Bool {
        switch self {
        case .null: return true
        case .string(let text): return text.isEmpty
        case .array(let items): return items.isEmpty
        default: return false
        }
    }
}
