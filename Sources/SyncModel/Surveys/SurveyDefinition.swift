import Foundation

/// A survey: an identified, versioned list of questions, loaded from XLSForm-style YAML or canonical JSON.
///
/// A definition is always consistent: names are unique and valid, select questions have choices,
/// bounds are ordered, and every condition parses and refers only to earlier questions.
public struct SurveyDefinition: Hashable, Sendable {
    /// The form id, e.g. `nachbarschaft-2026`.
    public let id: String
    /// The form version, a whole number ≥ 1; a changed survey gets a higher version.
    public let version: Int
    /// The title shown to interviewers.
    public let title: String
    /// The questions, in interview order.
    public let questions: [Question]

    private let positions: [String: Int]

    /// Creates a survey after checking ids, version, duplicate names and condition references.
    public init(id: String, version: Int, title: String, questions: [Question]) throws(SurveyError) {
        try self.init(id: id, version: version, title: title, questions: questions, locations: nil)
    }

    /// Creates a survey; `locations[i]` (e.g. `survey row 4`) names question `i` in error messages.
    init(id: String, version: Int, title: String, questions: [Question], locations: [String]?) throws(SurveyError) {
        guard !id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SurveyError(.missingField, "The survey has no id. Set `form_id` in `settings`, e.g. nachbarschaft-2026.")
        }
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SurveyError(.missingField, "Survey '\(id)' has no title. Set `form_title` in `settings`.")
        }
        guard version >= 1 else {
            throw SurveyError(
                .invalidVersion, "Survey '\(id)' has version \(version), but versions start at 1. Set `version` to 1 or higher.")
        }
        guard !questions.isEmpty else {
            throw SurveyError(.missingField, "Survey '\(id)' has no questions. Add rows to `survey`.")
        }
        func place(_ index: Int) -> String {
            Question.describe(name: questions[index].name, location: locations?[index])
        }
        var positions: [String: Int] = [:]
        for (index, question) in questions.enumerated() {
            if let first = positions[question.name] {
                throw SurveyError(
                    .duplicateName,
                    "\(place(index)): the name '\(question.name)' is already used by \(place(first).lowercasedFirst). "
                        + "Every question needs its own name.")
            }
            positions[question.name] = index
        }
        for (index, question) in questions.enumerated() {
            let conditions: [(String, Condition?, Bool)] = [
                ("relevant", question.relevantCondition, false), ("constraint", question.constraintCondition, true),
            ]
            for (column, condition, allowsSelf) in conditions {
                for reference in condition?.references ?? [] {
                    guard let target = positions[reference] else {
                        throw SurveyError(
                            .unknownReference,
                            "\(place(index)): the \(column) condition refers to ${\(reference)}, but there is no question "
                                + "named '\(reference)'. Check the spelling.")
                    }
                    if target > index || (target == index && !allowsSelf) {
                        let what = target == index ? "the question itself" : "\(place(target).lowercasedFirst), which comes later"
                        throw SurveyError(
                            .forwardReference,
                            "\(place(index)): the \(column) condition refers to ${\(reference)}, \(what). "
                                + (column == "relevant"
                                    ? "Relevance may only depend on earlier questions; move this question after it."
                                    : "Constraints may only depend on earlier questions (use `.` for the answer itself)."))
                    }
                }
            }
        }
        self.id = id
        self.version = version
        self.title = title
        self.questions = questions
        self.positions = positions
    }

    /// The question named `name`, if any.
    public func question(named name: String) -> Question? {
        positions[name].map { questions[$0] }
    }

    /// The canonical JSON form served to clients: sorted keys, optional keys omitted when `nil`.
    public func canonicalJSON() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            // Bounds are checked to be finite, so encoding cannot fail.
            preconditionFailure("Encoding a checked survey failed: \(error)")
        }
    }
}

extension SurveyDefinition: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, version, title, questions
    }

    /// Decodes the canonical JSON form, running the same checks as the initializer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                id: try container.decode(String.self, forKey: .id),
                version: try container.decode(Int.self, forKey: .version),
                title: try container.decode(String.self, forKey: .title),
                questions: try container.decode([Question].self, forKey: .questions))
        } catch let error as SurveyError {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
    }

    /// Encodes the canonical JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encode(title, forKey: .title)
        try container.encode(questions, forKey: .questions)
    }
}

extension String {
    /// The string with its first character lowercased, for locations in the middle of a sentence.
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
