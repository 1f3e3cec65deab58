import Foundation
import SyncModel
import Testing

/// A survey file (or a question built in code) refused with a given wording.
struct WordingCase: Sendable, CustomTestStringConvertible {
    let key: String
    let refuse: @Sendable () throws -> Void

    var testDescription: String { key }

    /// The file `document` must be refused with the wording `key`.
    static func file(_ key: String, _ document: String) -> WordingCase {
        bytes(key, Data(document.utf8))
    }

    /// The file of `data` must be refused with the wording `key`.
    static func bytes(_ key: String, _ data: Data) -> WordingCase {
        WordingCase(key: key) { _ = try SurveyDefinition.parse(data) }
    }

    /// The file's refusal, if it is refused with a survey error.
    var refusal: SurveyError? {
        do {
            try refuse()
            return nil
        } catch {
            return error as? SurveyError
        }
    }
}

@Suite("Survey error wording")
struct SurveyErrorWordingTests {
    /// Files that reach the wordings the loading table of ``SurveyLoadingTests`` does not.
    static let moreCases: [WordingCase] = [
        .file("keyNotText", xlsform(survey: "  - { ? [a, b] : c, type: text, name: a, label: A }")),
        .file("notSingle", xlsform(survey: "  - { type: text, name: [a, b], label: A }")),
        .file("notTranslations", #"{"id": "t", "version": 1, "title": "T", "questions": [{"name": "a", "type": "text", "label": "A", "labels": "tr"}]}"#),
        .file("notList", #"{"id": "t", "version": 1, "title": "T", "questions": {"a": 1}}"#),
        .file("notWholeNumber", xlsform(survey: "  - { type: text, name: a, label: A, max_length: 2.5 }")),
        .file("noVersion", "settings: { form_id: t, form_title: T }\nsurvey:\n  - { type: text, name: a, label: A }"),
        .file("notMapping", "- a\n- b"),
        .file("noSettings", "survey:\n  - { type: text, name: a, label: A }"),
        .file("settingsNotMapping", "settings: t\nsurvey:\n  - { type: text, name: a, label: A }"),
        .file("unknownSection", xlsform(survey: "  - { type: text, name: a, label: A }") + "\nextras: []"),
        .file("noCanonicalID", #"{"version": 1, "title": "T", "questions": []}"#),
        .file("noCanonicalTitle", #"{"id": "t", "version": 1, "questions": []}"#),
        .file("noCanonicalType", #"{"id": "t", "version": 1, "title": "T", "questions": [{"name": "a", "label": "A"}]}"#),
        .file("questionNotObject", #"{"id": "t", "version": 1, "title": "T", "questions": ["a"]}"#),
        .file("choiceNotObject", #"{"id": "t", "version": 1, "title": "T", "questions": [{"name": "a", "type": "select_one", "label": "A", "choices": ["x"]}]}"#),
        .file("languageNotObject", #"{"id": "t", "version": 1, "title": "T", "languages": ["de"], "questions": [{"name": "a", "type": "text", "label": "A"}]}"#),
        .file("questionRowNotMapping", xlsform(survey: "  - text")),
        .file("choiceRowNotMapping", xlsform(survey: "  - { type: text, name: a, label: A }", choices: "  - farben")),
        .file("noListName", xlsform(survey: "  - { type: text, name: a, label: A }", choices: "  - { name: rot, label: Rot }")),
        .file("noChoiceName", xlsform(survey: "  - { type: text, name: a, label: A }", choices: "  - { list_name: farben, label: Rot }")),
        .file("noType", xlsform(survey: "  - { name: a, label: A }")),
        .file("unknownList", xlsform(survey: "  - { type: select_one farben, name: a, label: A }")),
        .file("groupNotEnded", xlsform(survey: "  - { type: begin group, name: g, label: G }\n  - { type: text, name: a, label: A }")),
        .file("unmatchedEndGroup", xlsform(survey: "  - { type: text, name: a, label: A }\n  - { type: end group }")),
        .file("choicesNotAllowed", #"{"id": "t", "version": 1, "title": "T", "questions": [{"name": "a", "type": "text", "label": "A", "choices": [{"name": "x", "label": "X"}]}]}"#),
        .file("choiceNoLabel", #"{"id": "t", "version": 1, "title": "T", "questions": [{"name": "a", "type": "select_one", "label": "A", "choices": [{"name": "x"}]}]}"#),
        .file("negativeLength", xlsform(survey: "  - { type: text, name: a, label: A, min_length: -1 }")),
        .file("noteConstraint", xlsform(survey: "  - { type: note, name: a, label: A, constraint: . > 1 }")),
        .file("noteDefault", xlsform(survey: "  - { type: note, name: a, label: A, default: x }")),
        .file("invalidDefault", xlsform(survey: "  - { type: integer, name: a, label: A, default: viele }")),
        .file("translatedDefault", #"{"id": "t", "version": 1, "title": "T", "defaultLanguage": "de", "questions": [{"name": "a", "type": "text", "label": "A", "labels": {"de": "B"}}]}"#),
        .file("differentDefaultTexts", "settings:\n  form_id: t\n  version: 1\n  form_title: T\n  default_language: Deutsch (de)\nsurvey:\n  - { type: text, name: a, label: A, \"label::Deutsch (de)\": B }"),
        .bytes("notUTF8", Data([0xFF, 0xFE, 0x41])),
        WordingCase(key: "boundNotFinite") { _ = try Question(name: "a", type: .integer, label: "A", max: .infinity) },
    ]

    /// The wordings only a workbook reaches (a file refuses unknown columns before it looks for
    /// unsupported ones); `XLSFormWorkbookTests` checks them.
    static let workbookKeys: Set<String> = ["workbook", "noSurveySheet", "noSettingsSheet", "tooManyRows", "unsupportedFeature"]

    /// Every case of both tables (a row of the loading table goes by its name, not a wording).
    static var cases: [WordingCase] {
        SurveyLoadingTests.errorCases.map { row in .file(row.name, row.document) } + moreCases
    }

    @Test("Every refusal reads in German, every placeholder filled and no key left", arguments: cases)
    func german(_ row: WordingCase) throws {
        let error = try #require(row.refusal)
        let german = error.message(in: .german)
        let english = error.message(in: .english)
        #expect(MessageCatalog.german.messages["survey.error.\(error.key)"] != nil, "\(error.key)")
        #expect(german.range(of: #"(?<!\$)\{[A-Za-z]+\}"#, options: .regularExpression) == nil, "\(german)")
        #expect(!german.contains("survey.") && !german.contains("condition."), "\(german)")
        #expect(german != english)
    }

    @Test("A case names the wording it reaches", arguments: moreCases)
    func reachesItsWording(_ row: WordingCase) throws {
        #expect(try #require(row.refusal).key == row.key)
    }

    @Test("Every survey error wording of the catalogs is reached by a file of these tables")
    func everyWordingIsReached() {
        let reached = Set(Self.cases.compactMap { $0.refusal?.key }).union(Self.workbookKeys)
        let worded = Set(
            MessageCatalog.english.messages.keys.filter { $0.hasPrefix("survey.error.") }.map { String($0.dropFirst(13)) })
        #expect(worded.subtracting(reached).sorted() == [])
        #expect(reached.subtracting(worded).sorted() == [])
    }
}
