import Foundation

extension Question: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, type, label, hint, required, choices, min, max, minLength, maxLength, constraint, constraintMessage,
            relevant, labels, hints, constraintMessages, requiredMessage, group, personal
        case defaultValue = "default"
    }

    /// Decodes a question from its canonical JSON form, running the same checks as the initializer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let typeName = try container.decode(String.self, forKey: .type)
        let name = try container.decode(String.self, forKey: .name)
        guard let type = QuestionType(rawValue: typeName) else {
            let error = SurveyError.unknownType(typeName, place: .questionNamed(name))
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
        do {
            try self.init(
                name: name, type: type,
                labels: LocalizedText(
                    try container.decode(String.self, forKey: .label),
                    translations: try container.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]),
                hints: try container.decodeIfPresent(String.self, forKey: .hint).map {
                    LocalizedText($0, translations: try container.decodeIfPresent([String: String].self, forKey: .hints) ?? [:])
                },
                required: try container.decodeIfPresent(Bool.self, forKey: .required) ?? false,
                choices: try container.decodeIfPresent([Choice].self, forKey: .choices),
                min: try container.decodeIfPresent(Double.self, forKey: .min),
                max: try container.decodeIfPresent(Double.self, forKey: .max),
                minLength: try container.decodeIfPresent(Int.self, forKey: .minLength),
                maxLength: try container.decodeIfPresent(Int.self, forKey: .maxLength),
                constraint: try container.decodeIfPresent(String.self, forKey: .constraint),
                constraintMessages: try container.decodeIfPresent(String.self, forKey: .constraintMessage).map {
                    LocalizedText(
                        $0, translations: try container.decodeIfPresent([String: String].self, forKey: .constraintMessages) ?? [:])
                },
                relevant: try container.decodeIfPresent(String.self, forKey: .relevant),
                requiredMessage: try container.decodeIfPresent(String.self, forKey: .requiredMessage),
                defaultValue: try container.decodeIfPresent(String.self, forKey: .defaultValue),
                group: try container.decodeIfPresent(String.self, forKey: .group),
                personal: try container.decodeIfPresent(Bool.self, forKey: .personal) ?? false, location: nil)
        } catch let error as SurveyError {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.message, underlyingError: error))
        }
    }

    /// Encodes the canonical JSON form; optional keys are omitted when `nil`, `personal` when false, whole bounds
    /// are written as integers.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(label, forKey: .label)
        try container.encodeIfPresent(hint, forKey: .hint)
        try container.encode(required, forKey: .required)
        try container.encodeIfPresent(choices, forKey: .choices)
        try Question.encodeBound(min, forKey: .min, in: &container)
        try Question.encodeBound(max, forKey: .max, in: &container)
        try container.encodeIfPresent(minLength, forKey: .minLength)
        try container.encodeIfPresent(maxLength, forKey: .maxLength)
        try container.encodeIfPresent(constraint, forKey: .constraint)
        try container.encodeIfPresent(constraintMessage, forKey: .constraintMessage)
        try Question.encodeTranslations(labels, forKey: .labels, in: &container)
        try Question.encodeTranslations(hints, forKey: .hints, in: &container)
        try Question.encodeTranslations(constraintMessages, forKey: .constraintMessages, in: &container)
        try container.encodeIfPresent(relevant, forKey: .relevant)
        try container.encodeIfPresent(requiredMessage, forKey: .requiredMessage)
        try container.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try container.encodeIfPresent(group, forKey: .group)
        if personal { try container.encode(true, forKey: .personal) }
    }

    private static func encodeTranslations(
        _ text: LocalizedText?, forKey key: CodingKeys, in container: inout KeyedEncodingContainer<CodingKeys>
    ) throws {
        guard let translations = text?.translations, !translations.isEmpty else { return }
        try container.encode(translations, forKey: key)
    }

    private static func encodeBound(
        _ bound: Double?, forKey key: CodingKeys, in container: inout KeyedEncodingContainer<CodingKeys>
    ) throws {
        guard let bound else { return }
        if bound == bound.rounded(), abs(bound) < 1e15 {
            try container.encode(Int64(bound), forKey: key)
        } else {
            try container.encode(bound, forKey: key)
        }
    }

    /// The canonical JSON keys of a question, in encoding order.
    static let canonicalKeys: [String] = [
        "name", "type", "label", "hint", "required", "choices", "min", "max", "minLength", "maxLength", "constraint",
        "constraintMessage", "relevant", "labels", "hints", "constraintMessages", "requiredMessage", "default", "group", "personal",
    ]
}

extension SurveyError {
    /// The error for a type name that is not supported.
    static func unknownType(_ typeName: String, place: SurveyPlace) -> SurveyError {
        let known = QuestionType.allCases.map { $0.hasChoices ? "\($0.rawValue) LISTNAME" : $0.rawValue }
        return SurveyError(.unknownType, "unknownType", at: place, ["type": "\(typeName)", "known": "\(known.joined(separator: ", "))"])
    }
}
