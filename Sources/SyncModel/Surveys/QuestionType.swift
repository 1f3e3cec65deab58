/// The kind of a survey question; raw values are the XLSForm type names.
public enum QuestionType: String, Codable, Hashable, Sendable, CaseIterable {
    /// Free text; the answer is a string.
    case text
    /// A whole number; the answer is an integer.
    case integer
    /// A number; the answer is a decimal or an integer.
    case decimal
    /// One choice from a list; the answer is the choice's name.
    case selectOne = "select_one"
    /// Any number of choices from a list; the answer is an array of distinct choice names.
    case selectMultiple = "select_multiple"
    /// A calendar date; the answer is a `YYYY-MM-DD` string.
    case date
    /// A location; the answer is `{latitude, longitude, altitude?, accuracy?}`.
    case geopoint
    /// Text shown to the interviewer; takes no answer.
    case note

    /// Whether the question offers a list of choices.
    public var hasChoices: Bool { self == .selectOne || self == .selectMultiple }

    /// Whether the question takes a numeric answer, so that `min` and `max` apply.
    public var isNumeric: Bool { self == .integer || self == .decimal }

    /// Whether the question takes an answer at all (every type but `note`).
    public var takesAnswer: Bool { self != .note }
}
