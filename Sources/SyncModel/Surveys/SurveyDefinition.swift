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
    /// The tag of the default language (the plain `label` columns), e.g. `de`; nil when the form does not name it.
    public let defaultLanguage: String?
    /// The languages the survey is written in, the default one first; empty for a survey in one unnamed language.
    public let languages: [SurveyLanguage]

    private let positions: [String: Int]

    /// Creates a survey after checking ids, version, duplicate names and condition references.
    ///
    /// `languages` name the languages of the texts (a translation's tag missing there is added
    /// with the tag as its name); `defaultLanguage` is the tag of the untranslated texts.
    public init(
        id: String, version: Int, title: String, questions: [Question], defaultLanguage: String? = nil,
        languages: [SurveyLanguage] = []
    ) throws(SurveyError) {
        try self.init(
            id: id, version: version, title: title, questions: questions, defaultLanguage: defaultLanguage,
            languages: languages, locations: nil)
    }

    /// Creates a survey; `locations[i]` (e.g. `survey row 4`) names question `i` in error messages.
    init(
        id: String, version: Int, title: String, questions: [Question], defaultLanguage: String?,
        languages: [SurveyLanguage], locations: [SurveyPlace]?
    ) throws(SurveyError) {
        guard !id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SurveyError(.missingField, "noID")
        }
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw SurveyError(.missingField, "noTitle", at: .namedSurvey(id))
        }
        guard version >= 1 else {
            throw SurveyError(.invalidVersion, "versionBelowOne", at: .namedSurvey(id), ["version": "\(version)"])
        }
        guard !questions.isEmpty else {
            throw SurveyError(.missingField, "noQuestionRows", at: .namedSurvey(id))
        }
        func place(_ index: Int) -> SurveyPlace {
            .question(questions[index].name, at: locations?[index])
        }
        var positions: [String: Int] = [:]
        for (index, question) in questions.enumerated() {
            if let first = positions[question.name] {
                throw SurveyError(
                    .duplicateName, "duplicateName", at: place(index), ["name": "\(question.name)", "other": place(first).text])
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
                            .unknownReference, "unknownReference", at: place(index),
                            ["column": "\(column)", "reference": "${\(reference)}", "name": "\(reference)"])
                    }
                    if target > index || (target == index && !allowsSelf) {
                        throw SurveyError(
                            .forwardReference, target == index ? "selfReference" : "forwardReference.\(column)",
                            at: place(index), ["reference": "${\(reference)}", "other": place(target).text])
                    }
                }
            }
        }
        self.id = id
        self.version = version
        self.title = title
        self.questions = questions
        self.positions = positions
        self.defaultLanguage = defaultLanguage
        self.languages = try SurveyDefinition.collectLanguages(
            questions: questions, defaultLanguage: defaultLanguage, named: languages, survey: id)
    }

    /// The default language first, then every language a text is translated into, in the order `named` gives.
    private static func collectLanguages(
        questions: [Question], defaultLanguage: String?, named: [SurveyLanguage], survey: String
    ) throws(SurveyError) -> [SurveyLanguage] {
        var tags: [String] = []
        for question in questions {
            let texts = [question.labels, question.hints, question.constraintMessages].compactMap { $0 }
                + (question.choices ?? []).map(\.labels)
            for text in texts {
                for tag in text.translations.keys.sorted() where !tags.contains(tag) { tags.append(tag) }
            }
        }
        if let defaultLanguage, tags.contains(defaultLanguage) {
            throw SurveyError(.invalidValue, "translatedDefault", at: .namedSurvey(survey), ["language": "\(defaultLanguage)"])
        }
        guard defaultLanguage != nil || !tags.isEmpty else { return [] }
        func language(_ tag: String) -> SurveyLanguage {
            named.first { $0.tag == tag } ?? SurveyLanguage(tag: tag, name: tag)
        }
        let first = defaultLanguage.map(language) ?? SurveyLanguage(tag: SurveyLanguage.defaultTag, name: "default")
        let ordered = named.map(\.tag).filter(tags.contains) + tags.filter { tag in !named.contains { $0.tag == tag } }
        return [first] + ordered.map(language)
    }

    /// The language tag that `language` (`tr`, `TR`, `Türkçe`, `Türkçe (tr)`) names, if the survey has it.
    public func languageTag(for language: String) -> String? {
        let wanted = language.trimmingCharacters(in: .whitespaces).lowercased()
        let parsed = SurveyLanguage(xlsform: language).tag
        return languages.first { $0.tag == wanted || $0.tag == parsed || $0.name.lowercased() == wanted }?.tag
    }

    /// The tag of the first of `preferred` (e.g. `de-DE`, `tr`) that the survey has; the primary
    /// subtag counts (`de_DE.UTF-8` matches `de`). Nil when none matches.
    public func bestLanguage(for preferred: [String]) -> String? {
        for candidate in preferred {
            if let tag = languageTag(for: candidate) { return tag }
            let primary = candidate.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).first.map(String.init)
            if let primary, let tag = languageTag(for: primary) { return tag }
        }
        return nil
    }

    /// The question named `name`, if any.
    public func question(named name: String) -> Question? {
        positions[name].map { questions[$0] }
    }

    /// Whether the survey has a question named `name` (without copying it).
    public func hasQuestion(named name: String) -> Bool {
        positions[name] != nil
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
        case id, version, title, questions, defaultLanguage, languages
    }

    /// Decodes the canonical JSON form, running the same checks as the initializer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(
                id: try container.decode(String.self, forKey: .id),
                version: try container.decode(Int.self, forKey: .version),
                title: try container.decode(String.self, forKey: .title),
                questions: try container.decode([Question].self, forKey: .questions),
                defaultLanguage: try container.decodeIfPresent(String.self, forKey: .defaultLanguage),
                languages: try container.decodeIfPresent([SurveyLanguage].self, forKey: .languages) ?? [],
                locations: nil)
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
        try container.encodeIfPresent(defaultLanguage, forKey: .defaultLanguage)
        if !languages.isEmpty { try container.encode(languages, forKey: .languages) }
    }
}
