import Foundation

/// Why a survey definition could not be loaded, with a message saying where, what and what to do,
/// worded in a catalog so that trainers and operators read it in their language.
public struct SurveyError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The kind of problem, stable for programs and tests.
    public let code: Code
    /// The wording: the catalog key below `survey.error.`.
    public let key: String
    /// Where the problem is, when it is at one place of the file.
    public let place: SurveyPlace?
    /// The values of the wording's other placeholders.
    public let arguments: [String: CatalogText]

    /// Creates an error worded by `survey.error.<key>`; `place` fills its `{place}`.
    public init(_ code: Code, _ key: String, at place: SurveyPlace? = nil, _ arguments: [String: CatalogText] = [:]) {
        self.code = code
        self.key = key
        self.place = place
        self.arguments = arguments
    }

    /// The message in `catalog`'s language: where the problem is, what is wrong and how to fix it.
    public func message(in catalog: MessageCatalog) -> String {
        var filled = arguments.mapValues { $0.text(in: catalog) }
        if let place {
            let text = place.text.text(in: catalog)
            filled["place"] = text.prefix(1).uppercased() + text.dropFirst()
        }
        return catalog.text("survey.error.\(key)", filled)
    }

    /// The message in English, as the API answers.
    public var message: String { message(in: .english) }

    /// Same as `message`.
    public var description: String { message }

    /// Same as `message`, for Foundation's error reporting.
    public var errorDescription: String? { message }
}

extension SurveyError {
    /// The kind of a survey loading problem.
    public enum Code: String, Codable, Hashable, Sendable, CaseIterable {
        /// The file is not YAML/JSON or lacks the expected structure.
        case invalidDocument
        /// A required field such as the form id, title, question name or label is missing.
        case missingField
        /// A column or key that is not known (often a typo).
        case unknownField
        /// A field has a value of the wrong form, e.g. `required: maybe`.
        case invalidValue
        /// The version is not a whole number ≥ 1.
        case invalidVersion
        /// A question name does not match `^[A-Za-z][A-Za-z0-9_]*$`.
        case invalidName
        /// A question name starts with `_`, which is reserved for record metadata.
        case reservedName
        /// Two questions share a name.
        case duplicateName
        /// The question type is not one of the supported XLSForm types.
        case unknownType
        /// A select question names a choice list that does not exist.
        case missingChoiceList
        /// A select question has no choices.
        case emptyChoiceList
        /// Two choices of one list share a name.
        case duplicateChoiceName
        /// A choice name is empty or contains spaces or commas.
        case invalidChoiceName
        /// A `relevant` or `constraint` expression does not parse.
        case invalidCondition
        /// A condition references a question that does not exist.
        case unknownReference
        /// A condition references a question that comes later in the survey.
        case forwardReference
        /// A bound is invalid: min > max, a negative length, or a bound that does not fit the type.
        case invalidRange
    }
}
