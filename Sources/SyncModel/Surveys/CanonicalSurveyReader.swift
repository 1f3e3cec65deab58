import Foundation
import Yams

/// Reads the canonical JSON form of a survey (top-level `questions`).
enum CanonicalSurveyReader {
    private typealias R = SurveyNodeReading

    static func read(_ document: Node.Mapping) throws(SurveyError) -> SurveyDefinition {
        let place = SurveyPlace.survey
        let fields = try R.entries(of: document, place: place)
        let known = ["id", "version", "title", "questions", "defaultLanguage", "languages"]
        for (key, _) in fields where !known.contains(key) {
            throw SurveyError(.unknownField, "unknownKey", at: place, ["key": "\(key)", "known": "\(known.joined(separator: ", "))"])
        }
        let id = try R.text(document["id"], field: "id", place: place) ?? ""
        let title = try R.text(document["title"], field: "title", place: place) ?? ""
        if id.isEmpty {
            throw SurveyError(.missingField, "noCanonicalID")
        }
        if title.isEmpty {
            throw SurveyError(.missingField, "noCanonicalTitle", at: .namedSurvey(id))
        }
        let version = try R.version(document["version"], place: .namedSurvey(id))
        var questions: [Question] = []
        var locations: [SurveyPlace] = []
        for (index, node) in try R.items(document["questions"], field: "questions", place: place).enumerated() {
            let location = SurveyPlace.question(index + 1)
            questions.append(try question(node, location: location))
            locations.append(location)
        }
        var languages: [SurveyLanguage] = []
        for (index, node) in try R.items(document["languages"], field: "languages", place: place).enumerated() {
            let languagePlace = SurveyPlace.language(index + 1)
            guard let language = node.mapping,
                let tag = try R.text(language["tag"], field: "tag", place: languagePlace)
            else {
                throw SurveyError(.invalidDocument, "languageNotObject", at: languagePlace)
            }
            languages.append(
                SurveyLanguage(tag: tag, name: try R.text(language["name"], field: "name", place: languagePlace) ?? tag))
        }
        return try SurveyDefinition(
            id: id, version: version, title: title, questions: questions,
            defaultLanguage: try R.text(document["defaultLanguage"], field: "defaultLanguage", place: place),
            languages: languages, locations: locations)
    }

    /// A text and its translations (`label` and `labels`), or nil when the text is missing.
    private static func localized(
        _ row: Node.Mapping, _ field: String, translations: String, place: SurveyPlace
    ) throws(SurveyError) -> LocalizedText? {
        guard let text = try R.text(row[field], field: field, place: place) else { return nil }
        return LocalizedText(text, translations: try R.translations(row[translations], field: translations, place: place))
    }

    private static func question(_ node: Node, location place: SurveyPlace) throws(SurveyError) -> Question {
        guard let row = node.mapping else {
            throw SurveyError(.invalidDocument, "questionNotObject", at: place)
        }
        for (key, _) in try R.entries(of: row, place: place) where !Question.canonicalKeys.contains(key) {
            throw SurveyError(
                .unknownField, "unknownKey", at: place,
                ["key": "\(key)", "known": "\(Question.canonicalKeys.joined(separator: ", "))"])
        }
        let name = try R.text(row["name"], field: "name", place: place) ?? ""
        let named = SurveyPlace.question(name, at: place)
        guard let typeName = try R.text(row["type"], field: "type", place: named) else {
            throw SurveyError(.missingField, "noCanonicalType", at: named)
        }
        guard let type = QuestionType(rawValue: typeName) else {
            throw SurveyError.unknownType(typeName, place: named)
        }
        var choices: [Choice]?
        if let choicesNode = row["choices"] {
            choices = []
            for (index, choiceNode) in try R.items(choicesNode, field: "choices", place: named).enumerated() {
                let choicePlace = SurveyPlace.choice(named, index + 1)
                guard let choice = choiceNode.mapping else {
                    throw SurveyError(.invalidDocument, "choiceNotObject", at: choicePlace)
                }
                choices?.append(
                    Choice(
                        name: try R.text(choice["name"], field: "name", place: choicePlace) ?? "",
                        labels: try localized(choice, "label", translations: "labels", place: choicePlace)
                            ?? LocalizedText("")))
            }
        }
        return try Question(
            name: name, type: type,
            labels: try localized(row, "label", translations: "labels", place: named) ?? LocalizedText(""),
            hints: try localized(row, "hint", translations: "hints", place: named),
            required: try R.flag(row["required"], field: "required", place: named),
            choices: choices,
            min: try R.number(row["min"], field: "min", place: named),
            max: try R.number(row["max"], field: "max", place: named),
            minLength: try R.integer(row["minLength"], field: "minLength", place: named),
            maxLength: try R.integer(row["maxLength"], field: "maxLength", place: named),
            constraint: try R.text(row["constraint"], field: "constraint", place: named),
            constraintMessages: try localized(
                row, "constraintMessage", translations: "constraintMessages", place: named),
            relevant: try R.text(row["relevant"], field: "relevant", place: named),
            requiredMessage: try R.text(row["requiredMessage"], field: "requiredMessage", place: named),
            defaultValue: try R.text(row["default"], field: "default", place: named),
            group: try R.text(row["group"], field: "group", place: named),
            personal: try R.flag(row["personal"], field: "personal", place: named),
            location: place)
    }
}
