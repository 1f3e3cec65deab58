import Foundation

/// One question of a survey, with its constraints and relevance condition.
///
/// A question is always valid: its initializer checks the name, the choices, the bounds and
/// parses `relevant` and `constraint` once, keeping both the text and the parsed `Condition`.
public struct Question: Hashable, Sendable {
    /// The answer key, matching `^[A-Za-z][A-Za-z0-9_]*$`.
    public let name: String
    /// The kind of answer the question takes.
    public let type: QuestionType
    /// The question text shown to the interviewer, in every language of the survey.
    public let labels: LocalizedText
    /// An optional explanation shown below the label, in every language of the survey.
    public let hints: LocalizedText?
    /// Whether a finalized response must answer the question (when it is relevant).
    public let required: Bool
    /// The options of a select question; `nil` for other types.
    public let choices: [Choice]?
    /// The smallest allowed number (numeric questions only).
    public let min: Double?
    /// The largest allowed number (numeric questions only).
    public let max: Double?
    /// The fewest allowed characters (text questions only).
    public let minLength: Int?
    /// The most allowed characters (text questions only).
    public let maxLength: Int?
    /// An XLSForm constraint expression using `.` for the answer, e.g. `. <= ${haushalt}`.
    public let constraint: String?
    /// The message shown when `constraint` does not hold, in every language of the survey.
    public let constraintMessages: LocalizedText?
    /// An XLSForm relevance condition; the question is asked only when it holds.
    public let relevant: String?
    /// The message shown when a required question is left unanswered (XLSForm `required_message`).
    public let requiredMessage: String?
    /// The answer offered before the interviewer types one, as typed text (XLSForm `default`).
    public let defaultValue: String?
    /// The label of the XLSForm group the question belongs to, shown as a heading in the interview.
    public let group: String?
    /// Whether the answer is personal data (e.g. a phone number): reports and the dashboard show counts only,
    /// and pseudonymized exports leave the question out.
    public let personal: Bool
    /// `constraint`, parsed.
    public let constraintCondition: Condition?
    /// `relevant`, parsed.
    public let relevantCondition: Condition?

    /// The question text in the survey's default language.
    public var label: String { labels.text }
    /// The hint in the survey's default language.
    public var hint: String? { hints?.text }
    /// The constraint message in the survey's default language.
    public var constraintMessage: String? { constraintMessages?.text }

    /// Creates a question with texts in the default language only, checking it on its own
    /// (references to other questions are checked by the survey).
    public init(
        name: String, type: QuestionType, label: String, hint: String? = nil, required: Bool = false,
        choices: [Choice]? = nil, min: Double? = nil, max: Double? = nil, minLength: Int? = nil,
        maxLength: Int? = nil, constraint: String? = nil, constraintMessage: String? = nil, relevant: String? = nil,
        requiredMessage: String? = nil, defaultValue: String? = nil, group: String? = nil, personal: Bool = false
    ) throws(SurveyError) {
        try self.init(
            name: name, type: type, labels: LocalizedText(label), hints: hint.map { LocalizedText($0) },
            required: required, choices: choices, min: min, max: max, minLength: minLength, maxLength: maxLength,
            constraint: constraint, constraintMessages: constraintMessage.map { LocalizedText($0) }, relevant: relevant,
            requiredMessage: requiredMessage, defaultValue: defaultValue, group: group, personal: personal, location: nil)
    }

    /// Creates a question with texts in several languages, checking it on its own.
    public init(
        name: String, type: QuestionType, labels: LocalizedText, hints: LocalizedText? = nil, required: Bool = false,
        choices: [Choice]? = nil, min: Double? = nil, max: Double? = nil, minLength: Int? = nil,
        maxLength: Int? = nil, constraint: String? = nil, constraintMessages: LocalizedText? = nil,
        relevant: String? = nil, requiredMessage: String? = nil, defaultValue: String? = nil, group: String? = nil,
        personal: Bool = false
    ) throws(SurveyError) {
        try self.init(
            name: name, type: type, labels: labels, hints: hints, required: required, choices: choices, min: min,
            max: max, minLength: minLength, maxLength: maxLength, constraint: constraint,
            constraintMessages: constraintMessages, relevant: relevant, requiredMessage: requiredMessage,
            defaultValue: defaultValue, group: group, personal: personal, location: nil)
    }

    /// Creates a question; `location` (e.g. `survey row 4`) prefixes error messages.
    init(
        name: String, type: QuestionType, labels: LocalizedText, hints: LocalizedText?, required: Bool,
        choices: [Choice]?, min: Double?, max: Double?, minLength: Int?, maxLength: Int?, constraint: String?,
        constraintMessages: LocalizedText?, relevant: String?, requiredMessage: String? = nil,
        defaultValue: String? = nil, group: String? = nil, personal: Bool = false, location: SurveyPlace?
    ) throws(SurveyError) {
        let place = SurveyPlace.question(name, at: location)
        try Question.checkName(name, place: place)
        guard !labels.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SurveyError(.missingField, "noLabel", at: place)
        }
        try Question.checkChoices(choices, type: type, place: place)
        try Question.checkBounds(type: type, min: min, max: max, minLength: minLength, maxLength: maxLength, place: place)
        if type == .note {
            if required {
                throw SurveyError(.invalidValue, "noteRequired", at: place)
            }
            if constraint != nil {
                throw SurveyError(.invalidValue, "noteConstraint", at: place)
            }
        }
        self.name = name
        self.type = type
        self.labels = labels
        self.hints = hints
        self.required = required
        self.choices = choices
        self.min = min
        self.max = max
        self.minLength = minLength
        self.maxLength = maxLength
        self.constraint = constraint
        self.constraintMessages = constraintMessages
        self.relevant = relevant
        self.requiredMessage = requiredMessage
        self.defaultValue = defaultValue
        self.group = group
        self.personal = personal
        self.constraintCondition = try Question.parseCondition(constraint, column: "constraint", place: place)
        self.relevantCondition = try Question.parseCondition(relevant, column: "relevant", place: place)
        if let relevantCondition, relevantCondition.usesCurrentValue {
            throw SurveyError(.invalidCondition, "relevantUsesItself", at: place, ["reference": "${name}"])
        }
        if let defaultValue {
            guard type.takesAnswer else {
                throw SurveyError(.invalidValue, "noteDefault", at: place)
            }
            if case .failure(let issue) = parseInput(defaultValue), issue.code != .constraintViolated {
                throw SurveyError(
                    .invalidValue, "invalidDefault", at: place,
                    ["value": "\(defaultValue)", "reason": .worded("survey.reason.\(issue.code.rawValue)", ["type": "\(type.rawValue)"])])
            }
        }
    }

    /// The question text in `language` (a tag such as `tr`), or in the default language when the question lacks it.
    public func label(in language: String?) -> String { labels.text(in: language) }

    /// The hint in `language`, or in the default language when the question lacks it.
    public func hint(in language: String?) -> String? { hints?.text(in: language) }

    /// The constraint message in `language`, or in the default language when the question lacks it.
    public func constraintMessage(in language: String?) -> String? { constraintMessages?.text(in: language) }

    /// The choice with `name`, if the question offers it.
    public func choice(named name: String) -> Choice? {
        choices?.first { $0.name == name }
    }

    /// Whether `name` is one of the choices (without copying it).
    public func hasChoice(named name: String) -> Bool {
        choices?.contains { $0.name == name } ?? false
    }

    // MARK: Checks

    private static func checkName(_ name: String, place: SurveyPlace) throws(SurveyError) {
        if name.isEmpty {
            throw SurveyError(.missingField, "noName", at: place)
        }
        if name.hasPrefix("_") {
            throw SurveyError(.reservedName, "reservedName", at: place, ["suggestion": "\(name.drop { $0 == "_" })"])
        }
        if !isValidName(name) {
            throw SurveyError(.invalidName, "invalidName", at: place, ["name": "\(name)"])
        }
    }

    /// Whether `name` matches `^[A-Za-z][A-Za-z0-9_]*$`.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" }
    }

    private static func checkChoices(_ choices: [Choice]?, type: QuestionType, place: SurveyPlace) throws(SurveyError) {
        guard type.hasChoices else {
            if choices != nil {
                throw SurveyError(.invalidValue, "choicesNotAllowed", at: place, ["type": "\(type.rawValue)"])
            }
            return
        }
        guard let choices else {
            throw SurveyError(.missingChoiceList, "noChoices", at: place, ["type": "\(type.rawValue)"])
        }
        guard !choices.isEmpty else {
            throw SurveyError(.emptyChoiceList, "emptyChoices", at: place, ["type": "\(type.rawValue)"])
        }
        var seen = Set<String>()
        for choice in choices {
            if choice.name.isEmpty || choice.name.contains(where: { $0.isWhitespace || $0 == "," }) {
                throw SurveyError(.invalidChoiceName, "invalidChoiceName", at: place, ["choice": "\(choice.name)"])
            }
            if choice.label.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw SurveyError(.missingField, "choiceNoLabel", at: place, ["choice": "\(choice.name)"])
            }
            if !seen.insert(choice.name).inserted {
                throw SurveyError(.duplicateChoiceName, "duplicateChoice", at: place, ["choice": "\(choice.name)"])
            }
        }
    }

    private static func checkBounds(
        type: QuestionType, min: Double?, max: Double?, minLength: Int?, maxLength: Int?, place: SurveyPlace
    ) throws(SurveyError) {
        if (min != nil || max != nil) && !type.isNumeric {
            throw SurveyError(.invalidRange, "boundsNotNumeric", at: place, ["type": "\(type.rawValue)"])
        }
        if (minLength != nil || maxLength != nil) && type != .text {
            throw SurveyError(.invalidRange, "lengthsNotText", at: place, ["type": "\(type.rawValue)"])
        }
        for (bound, column) in [(min, "min"), (max, "max")] {
            if let bound, !bound.isFinite {
                throw SurveyError(.invalidRange, "boundNotFinite", at: place, ["column": "\(column)"])
            }
        }
        if let min, let max, min > max {
            throw SurveyError(
                .invalidRange, "minAboveMax", at: place, ["min": "\(Question.format(min))", "max": "\(Question.format(max))"])
        }
        for (bound, column) in [(minLength, "min_length"), (maxLength, "max_length")] {
            if let bound, bound < 0 {
                throw SurveyError(.invalidRange, "negativeLength", at: place, ["column": "\(column)", "value": "\(bound)"])
            }
        }
        if let minLength, let maxLength, minLength > maxLength {
            throw SurveyError(.invalidRange, "minLengthAboveMax", at: place, ["min": "\(minLength)", "max": "\(maxLength)"])
        }
    }

    private static func parseCondition(_ text: String?, column: String, place: SurveyPlace) throws(SurveyError) -> Condition? {
        guard let text else { return nil }
        do {
            return try Condition.parse(text)
        } catch {
            throw SurveyError(
                .invalidCondition, "unreadableCondition", at: place,
                [
                    "column": "\(column)", "text": "\(text)",
                    "syntax": .worded(
                        "condition.syntax",
                        ["position": "\(error.position)", "expected": error.expectation.text, "found": error.foundText]),
                ])
        }
    }

    /// Formats a bound without a trailing `.0` for whole numbers.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
