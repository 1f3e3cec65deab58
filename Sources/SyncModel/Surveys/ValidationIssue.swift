/// One problem with an answer (or a missing answer) in a survey response.
public struct ValidationIssue: Error, Codable, Hashable, Sendable, CustomStringConvertible {
    /// The name of the question (or, for `unknownQuestion`, the unknown answer key).
    public let question: String
    /// The kind of problem, stable for programs and tests.
    public let code: Code
    /// An English explanation naming the question's label, the bad value and what is allowed.
    public let message: String

    /// Creates an issue.
    public init(question: String, code: Code, message: String) {
        self.question = question
        self.code = code
        self.message = message
    }

    /// Same as `message`.
    public var description: String { message }
}

extension ValidationIssue {
    /// The kind of a validation issue; raw values are stable and may be stored or sent.
    public enum Code: String, Codable, Hashable, Sendable, CaseIterable {
        /// The answer has the wrong JSON shape for the question type.
        case wrongType
        /// A select answer names a choice that the question does not offer.
        case unknownChoice
        /// A select_multiple answer names the same choice twice.
        case duplicateChoice
        /// A number is below `min` or above `max`.
        case outOfRange
        /// A text is shorter than `minLength` or longer than `maxLength`.
        case lengthOutOfRange
        /// The question's `constraint` expression does not hold.
        case constraintViolated
        /// A date is not a real `YYYY-MM-DD` calendar date.
        case invalidDate
        /// A geopoint is malformed or its coordinates are out of range.
        case invalidGeopoint
        /// The response answers a question the survey does not have.
        case unknownQuestion
        /// A required question is unanswered in a finalized response.
        case missingRequired
        /// A question is answered although its `relevant` condition is false.
        case notRelevant
        /// A note (display-only) has an answer.
        case answerToNote
    }
}
