import Foundation
import Yams

/// Reads an XLSForm-style survey: `settings`, `survey` rows and `choices` rows.
enum XLSFormReader {
    private typealias R = SurveyNodeReading

    /// Columns of a `survey` row; `label`, `hint`, `constraint_message` and `required_message` may also carry a
    /// `::language` suffix.
    static let surveyColumns: Set<String> = [
        "type", "name", "label", "hint", "required", "required_message", "relevant", "constraint",
        "constraint_message", "default", "min", "max", "min_length", "max_length", "appearance", "personal",
    ]
    private static let localizedColumns = ["label", "hint", "constraint_message", "required_message"]

    /// XLSForm columns whose features QuartierSync does not have; a row that fills one is refused.
    private static let unsupportedColumns = ["choice_filter", "repeat_count", "calculation", "trigger", "read_only"]

    /// The types a `type` cell may hold, as listed in messages.
    static let supportedTypes =
        QuestionType.allCases.map { $0.hasChoices ? "\($0.rawValue) LISTNAME" : $0.rawValue } + ["begin group", "end group"]

    static func read(_ document: Node.Mapping, origin: XLSFormOrigin = .document) throws(SurveyError) -> SurveyDefinition {
        for (key, _) in try R.entries(of: document, place: .file) where !["settings", "survey", "choices"].contains(key) {
            throw SurveyError(.unknownField, "unknownSection", at: .file, ["key": "\(key)"])
        }
        let settings = try readSettings(document["settings"])
        let id = try R.text(settings?["form_id"], field: "form_id", place: .settingsSection) ?? ""
        if id.isEmpty {
            throw SurveyError(.missingField, "noID")
        }
        let title = try R.text(settings?["form_title"], field: "form_title", place: .settingsSection) ?? ""
        if title.isEmpty {
            throw SurveyError(.missingField, "noTitle", at: .namedSurvey(id))
        }
        let version = try R.version(settings?["version"], place: .settings(survey: id))
        let named = try declaredLanguages(in: document)
        var defaultLanguage: SurveyLanguage?
        if let text = try R.text(settings?["default_language"], field: "default_language", place: .settingsSection) {
            defaultLanguage = SurveyLanguage(xlsform: text)
        } else if !named.hasPlainColumn {
            defaultLanguage = named.languages.first { $0.tag == "de" || ["deutsch", "german"].contains($0.name.lowercased()) }
                ?? named.languages.first
        }
        let texts = TextColumns(defaultTag: defaultLanguage?.tag, order: named.languages.map(\.tag))
        let lists = try readChoices(document["choices"], texts: texts, origin: origin)
        var questions: [Question] = []
        var locations: [SurveyPlace] = []
        var groups: [XLSFormGroup] = []
        for (index, node) in try R.items(document["survey"], field: "survey", place: .file).enumerated() {
            let location = origin.surveyLocation(index)
            guard
                let question = try readQuestion(
                    node, location: location, lists: lists, texts: texts, groups: &groups,
                    ignoresUnknownColumns: origin.ignoresUnknownColumns)
            else { continue }
            questions.append(question)
            locations.append(location)
        }
        if let open = groups.last {
            throw SurveyError(.invalidDocument, "groupNotEnded", at: open.place, ["name": "\(open.name)"])
        }
        var languages = named.languages
        if let defaultLanguage, !languages.contains(where: { $0.tag == defaultLanguage.tag }) {
            languages.insert(defaultLanguage, at: 0)
        }
        return try SurveyDefinition(
            id: id, version: version, title: title, questions: questions, defaultLanguage: defaultLanguage?.tag,
            languages: languages, locations: locations)
    }

    /// Every language named by a `column::Language (tag)` suffix in `survey` and `choices`, in order
    /// of first appearance, and whether any plain `label`/`hint`/`constraint_message` column exists.
    private static func declaredLanguages(
        in document: Node.Mapping
    ) throws(SurveyError) -> (languages: [SurveyLanguage], hasPlainColumn: Bool) {
        var languages: [SurveyLanguage] = []
        var hasPlainColumn = false
        for section in ["survey", "choices"] {
            for row in try R.items(document[section], field: section, place: .file) {
                guard let mapping = row.mapping else { continue }
                for (key, value) in try R.entries(of: mapping, place: .file) where value.null == nil {
                    if localizedColumns.contains(key) { hasPlainColumn = true }
                    guard let range = key.range(of: "::"), localizedColumns.contains(String(key[..<range.lowerBound])) else {
                        continue
                    }
                    let language = SurveyLanguage(xlsform: String(key[range.upperBound...]))
                    if !languages.contains(where: { $0.tag == language.tag }) { languages.append(language) }
                }
            }
        }
        return (languages, hasPlainColumn)
    }

    /// The settings mapping; XLSForm converters also write it as a one-row list.
    private static func readSettings(_ node: Node?) throws(SurveyError) -> Node.Mapping? {
        guard let node else {
            throw SurveyError(.missingField, "noSettings")
        }
        if let mapping = node.mapping { return mapping }
        if let rows = node.sequence, rows.count == 1, let mapping = rows.first?.mapping { return mapping }
        throw SurveyError(.invalidDocument, "settingsNotMapping")
    }

    private static func readChoices(
        _ node: Node?, texts: TextColumns, origin: XLSFormOrigin
    ) throws(SurveyError) -> [String: [Choice]] {
        var lists: [String: [Choice]] = [:]
        var rowOfChoice: [String: SurveyPlace] = [:]
        for (index, row) in try R.items(node, field: "choices", place: .file).enumerated() {
            let place = origin.choicesPlace(index)
            guard let mapping = row.mapping else {
                throw SurveyError(.invalidDocument, "choiceRowNotMapping", at: place)
            }
            let columns = try R.entries(of: mapping, place: place)
            for (key, _) in columns
            where !["list_name", "name", "label"].contains(key) && !key.hasPrefix("label::") && !origin.ignoresUnknownColumns {
                throw SurveyError(.unknownField, "unknownChoiceColumn", at: place, ["key": "\(key)"])
            }
            let listName = try R.text(mapping["list_name"], field: "list_name", place: place)
            let name = try R.text(mapping["name"], field: "name", place: place)
            if listName == nil && name == nil && columns.allSatisfy({ $0.value.null != nil }) { continue }
            guard let listName else { throw SurveyError(.missingField, "noListName", at: place) }
            guard let name else { throw SurveyError(.missingField, "noChoiceName", at: place, ["list": "\(listName)"]) }
            let key = "\(listName)\u{0}\(name)"
            if let first = rowOfChoice[key] {
                throw SurveyError(
                    .duplicateChoiceName, "duplicateListChoice", at: place,
                    ["choice": "\(name)", "list": "\(listName)", "other": first.text])
            }
            rowOfChoice[key] = place
            let labels = try texts.read("label", in: columns, place: place) ?? LocalizedText("")
            lists[listName, default: []].append(Choice(name: name, labels: labels))
        }
        return lists
    }

    private static func readQuestion(
        _ node: Node, location place: SurveyPlace, lists: [String: [Choice]], texts: TextColumns, groups: inout [XLSFormGroup],
        ignoresUnknownColumns: Bool
    ) throws(SurveyError) -> Question? {
        guard let row = node.mapping else {
            throw SurveyError(.invalidDocument, "questionRowNotMapping", at: place)
        }
        let columns = try R.entries(of: row, place: place)
        if columns.allSatisfy({ $0.value.null != nil }) { return nil }  // a blank spreadsheet row
        for (key, _) in columns {
            let base = key.components(separatedBy: "::").first ?? key
            let known = key.contains("::") ? localizedColumns.contains(base) : surveyColumns.contains(key)
            if !known && !ignoresUnknownColumns {
                throw SurveyError(
                    .unknownField, "unknownSurveyColumn", at: place,
                    ["key": "\(key)", "known": "\(surveyColumns.sorted().joined(separator: ", "))"])
            }
        }
        let name = try R.text(row["name"], field: "name", place: place) ?? ""
        let named = SurveyPlace.question(name, at: place)
        for (key, value) in columns where unsupportedColumns.contains(key) {
            if let text = try R.text(value, field: key, place: named),
                key != "read_only" || ["yes", "true", "true()", "1"].contains(text.lowercased())
            {
                throw SurveyError(
                    .unknownField, "unsupportedFeature", at: named,
                    ["key": "\(key)", "value": "\(text)", "columns": "\(unsupportedColumns.joined(separator: ", "))"])
            }
        }
        guard let typeText = try R.text(row["type"], field: "type", place: named) else {
            throw SurveyError(.missingField, "noType", at: named)
        }
        let words = typeText.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let marker = words.joined(separator: " ").lowercased().replacingOccurrences(of: "_", with: " ")
        if marker == "begin group" {
            groups.append(
                XLSFormGroup(
                    name: name, label: try texts.read("label", in: columns, place: named)?.text,
                    relevant: try R.text(row["relevant"], field: "relevant", place: named), place: named))
            return nil
        }
        if marker == "end group" {
            guard groups.popLast() != nil else {
                throw SurveyError(.invalidDocument, "unmatchedEndGroup", at: named)
            }
            return nil
        }
        var spelled = typeText
        if words.count == 4, words[1].lowercased() == "one" || words[1].lowercased() == "multiple",
            words[0].lowercased() == "select", words[2].lowercased() == "from"
        {
            spelled = "select_\(words[1].lowercased()) \(words[3])"  // the old spelling `select one from LIST`
        }
        let (type, choices) = try resolveType(spelled, place: named, lists: lists)
        let relevants = groups.compactMap(\.relevant) + [try R.text(row["relevant"], field: "relevant", place: named)].compactMap { $0 }
        let relevant = relevants.count > 1 ? relevants.map { "(\($0))" }.joined(separator: " and ") : relevants.first
        return try Question(
            name: name, type: type,
            labels: try texts.read("label", in: columns, place: named) ?? LocalizedText(""),
            hints: try texts.read("hint", in: columns, place: named),
            required: try R.flag(row["required"], field: "required", place: named),
            choices: choices,
            min: try R.number(row["min"], field: "min", place: named),
            max: try R.number(row["max"], field: "max", place: named),
            minLength: try R.integer(row["min_length"], field: "min_length", place: named),
            maxLength: try R.integer(row["max_length"], field: "max_length", place: named),
            constraint: try R.text(row["constraint"], field: "constraint", place: named),
            constraintMessages: try texts.read("constraint_message", in: columns, place: named),
            relevant: relevant,
            requiredMessage: try texts.read("required_message", in: columns, place: named)?.text,
            defaultValue: try R.text(row["default"], field: "default", place: named),
            group: groups.last(where: { $0.label != nil })?.label,
            personal: try R.flag(row["personal"], field: "personal", place: named),
            location: place)
    }

    private static func resolveType(
        _ text: String, place: SurveyPlace, lists: [String: [Choice]]
    ) throws(SurveyError) -> (QuestionType, [Choice]?) {
        let parts = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard let typeName = parts.first, let type = QuestionType(rawValue: typeName) else {
            throw SurveyError(
                .unknownType, "unsupportedType", at: place, ["type": "\(text)", "known": "\(supportedTypes.joined(separator: ", "))"])
        }
        guard type.hasChoices else {
            if parts.count > 1 { throw SurveyError.unknownType(text, place: place) }
            return (type, nil)
        }
        guard parts.count == 2 else {
            if parts.count == 1 {
                throw SurveyError(.missingChoiceList, "noListForType", at: place, ["type": "\(text)", "example": "\(typeName) probleme"])
            }
            throw SurveyError(.unknownType, "badSelectType", at: place, ["type": "\(text)", "typeName": "\(typeName)"])
        }
        let listName = parts[1]
        guard let choices = lists[listName] else {
            let known = lists.keys.sorted()
            throw SurveyError(
                .missingChoiceList, known.isEmpty ? "unknownList" : "unknownListKnown", at: place,
                ["list": "\(listName)", "known": "\(known.joined(separator: ", "))"])
        }
        return (type, choices)
    }

    /// How a row's `label`, `label::Language (tag)`, … columns become one ``LocalizedText``.
    private struct TextColumns {
        /// The tag whose `column::…` variant holds the default text (besides the plain column).
        let defaultTag: String?
        /// The language tags in survey order, for picking a fallback default text.
        let order: [String]

        /// The texts of `column` in a row: the plain column (or the default language's variant) as
        /// the default text, the other variants as translations; nil when the row has none. A row
        /// without a default-language text shows its first translation by default.
        func read(
            _ column: String, in columns: [(key: String, value: Node)], place: SurveyPlace
        ) throws(SurveyError) -> LocalizedText? {
            var plain: String?
            var translations: [String: String] = [:]
            for (key, value) in columns {
                if key == column {
                    plain = try R.text(value, field: key, place: place) ?? plain
                } else if key.hasPrefix(column + "::"), let text = try R.text(value, field: key, place: place) {
                    let tag = SurveyLanguage(xlsform: String(key.dropFirst(column.count + 2))).tag
                    translations[tag] = text
                }
            }
            if let defaultTag, let text = translations.removeValue(forKey: defaultTag) {
                if let plain, plain != text {
                    throw SurveyError(.invalidValue, "differentDefaultTexts", at: place, ["column": "\(column)", "language": "\(defaultTag)"])
                }
                plain = text
            }
            guard let text = plain ?? order.lazy.compactMap({ translations[$0] }).first else { return nil }
            return LocalizedText(text, translations: translations)
        }
    }
}
