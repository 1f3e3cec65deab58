import Foundation
import SyncModel
import Testing

/// One survey file that must be refused, with the expected code and a fragment of the message.
struct LoadingErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let document: String
    let code: SurveyError.Code
    let messageFragment: String

    var testDescription: String { name }
}

/// Builds a small XLSForm-style YAML document.
func xlsform(
    formID: String = "test", version: String = "1", title: String = "Test", survey: String, choices: String = ""
) -> String {
    """
    settings:
      form_id: \(formID)
      version: \(version)
      form_title: \(title)
    survey:
    \(survey)
    choices:
    \(choices.isEmpty ? "  []" : choices)
    """
}

@Suite("Survey loading")
struct SurveyLoadingTests {
    static let colours = """
          - { list_name: farben, name: rot, label: Rot }
          - { list_name: farben, name: gruen, label: Grün }
        """

    static let errorCases: [LoadingErrorCase] = [
        .init(
            name: "duplicate question names",
            document: xlsform(survey: """
                  - { type: text, name: a, label: A }
                  - { type: integer, name: a, label: B }
                """),
            code: .duplicateName, messageFragment: "Survey row 2 ('a'): the name 'a' is already used by survey row 1"),
        .init(
            name: "name starting with a digit",
            document: xlsform(survey: "  - { type: text, name: 1a, label: A }"),
            code: .invalidName, messageFragment: "Survey row 1 ('1a'): '1a' is not a valid question name"),
        .init(
            name: "name with umlaut",
            document: xlsform(survey: "  - { type: integer, name: größe, label: Größe }"),
            code: .invalidName, messageFragment: "'größe' is not a valid question name"),
        .init(
            name: "name with space",
            document: xlsform(survey: "  - { type: text, name: wohn dauer, label: A }"),
            code: .invalidName, messageFragment: "'wohn dauer'"),
        .init(
            name: "reserved name",
            document: xlsform(survey: "  - { type: text, name: _status, label: A }"),
            code: .reservedName, messageFragment: "reserved for record metadata"),
        .init(
            name: "missing name",
            document: xlsform(survey: "  - { type: text, label: A }"),
            code: .missingField, messageFragment: "Survey row 1 has no name"),
        .init(
            name: "missing label",
            document: xlsform(survey: "  - { type: text, name: a }"),
            code: .missingField, messageFragment: "Survey row 1 ('a') has no label"),
        .init(
            name: "unknown type",
            document: xlsform(survey: "  - { type: barcode, name: a, label: A }"),
            code: .unknownType, messageFragment: "column `type`: 'barcode' is not supported by QuartierSync. Supported types: text, integer"),
        .init(
            name: "or_other is not supported",
            document: xlsform(survey: "  - { type: select_one farben or_other, name: a, label: A }", choices: colours),
            code: .unknownType, messageFragment: "or_other"),
        .init(
            name: "select without list name",
            document: xlsform(survey: "  - { type: select_one, name: a, label: A }"),
            code: .missingChoiceList, messageFragment: "needs a choice list name"),
        .init(
            name: "select with unknown list",
            document: xlsform(survey: "  - { type: select_multiple farbe, name: a, label: A }", choices: colours),
            code: .missingChoiceList, messageFragment: "the choice list 'farbe' does not exist"),
        .init(
            name: "duplicate choice names",
            document: xlsform(
                survey: "  - { type: select_one farben, name: a, label: A }",
                choices: colours + "\n  - { list_name: farben, name: rot, label: Dunkelrot }"),
            code: .duplicateChoiceName, messageFragment: "Choices row 3: choice 'rot' appears twice in list 'farben'"),
        .init(
            name: "choice name with space",
            document: xlsform(
                survey: "  - { type: select_one l, name: a, label: A }",
                choices: "  - { list_name: l, name: sehr gut, label: Sehr gut }"),
            code: .invalidChoiceName, messageFragment: "'sehr gut'"),
        .init(
            name: "unquoted comma in a choice label",
            document: xlsform(
                survey: "  - { type: select_one l, name: a, label: A }",
                choices: "  - { list_name: l, name: ja, label: Ja, gerne }"),
            code: .unknownField, messageFragment: "Choices row 1 has the unknown column `gerne`"),
        .init(
            name: "relevant does not parse",
            document: xlsform(survey: """
                  - { type: text, name: a, label: A }
                  - { type: text, name: b, label: B, relevant: "${a} = " }
                """),
            code: .invalidCondition,
            messageFragment: "Survey row 2 ('b'): the relevant condition \"${a} = \" cannot be read at position 8: expected a value"),
        .init(
            name: "constraint does not parse",
            document: xlsform(survey: "  - { type: integer, name: a, label: A, constraint: \". >= 0 and\" }"),
            code: .invalidCondition, messageFragment: "the constraint condition"),
        .init(
            name: "relevant uses the current value",
            document: xlsform(survey: "  - { type: integer, name: a, label: A, relevant: \". > 1\" }"),
            code: .invalidCondition, messageFragment: "cannot depend on its own answer"),
        .init(
            name: "reference to unknown question",
            document: xlsform(survey: """
                  - { type: text, name: a, label: A }
                  - { type: text, name: b, label: B, relevant: "${c} = 'x'" }
                """),
            code: .unknownReference, messageFragment: "refers to ${c}, but there is no question named 'c'"),
        .init(
            name: "relevance on a later question",
            document: xlsform(survey: """
                  - { type: text, name: a, label: A, relevant: "${b} = 'x'" }
                  - { type: text, name: b, label: B }
                """),
            code: .forwardReference, messageFragment: "survey row 2 ('b'), which comes later"),
        .init(
            name: "relevance on itself",
            document: xlsform(survey: "  - { type: text, name: a, label: A, relevant: \"${a} = 'x'\" }"),
            code: .forwardReference, messageFragment: "the question itself"),
        .init(
            name: "constraint on a later question",
            document: xlsform(survey: """
                  - { type: integer, name: a, label: A, constraint: ". < ${b}" }
                  - { type: integer, name: b, label: B }
                """),
            code: .forwardReference, messageFragment: "Constraints may only depend on earlier questions"),
        .init(
            name: "min greater than max",
            document: xlsform(survey: "  - { type: integer, name: a, label: A, min: 120, max: 14 }"),
            code: .invalidRange, messageFragment: "min (120) is greater than max (14)"),
        .init(
            name: "min_length greater than max_length",
            document: xlsform(survey: "  - { type: text, name: a, label: A, min_length: 10, max_length: 5 }"),
            code: .invalidRange, messageFragment: "min_length (10) is greater than max_length (5)"),
        .init(
            name: "min on a text question",
            document: xlsform(survey: "  - { type: text, name: a, label: A, min: 1 }"),
            code: .invalidRange, messageFragment: "min/max only apply to integer and decimal"),
        .init(
            name: "max_length on an integer question",
            document: xlsform(survey: "  - { type: integer, name: a, label: A, max_length: 3 }"),
            code: .invalidRange, messageFragment: "min_length/max_length only apply to text"),
        .init(
            name: "non-numeric min",
            document: xlsform(survey: "  - { type: integer, name: a, label: A, min: zehn }"),
            code: .invalidValue, messageFragment: "`min` is 'zehn', which is not a number"),
        .init(
            name: "required note",
            document: xlsform(survey: "  - { type: note, name: a, label: A, required: yes }"),
            code: .invalidValue, messageFragment: "is a note and cannot be required"),
        .init(
            name: "unclear required flag",
            document: xlsform(survey: "  - { type: text, name: a, label: A, required: maybe }"),
            code: .invalidValue, messageFragment: "`required` is 'maybe'; write yes or no"),
        .init(
            name: "misspelt column",
            document: xlsform(survey: "  - { type: text, name: a, label: A, relevnat: \"${a} = 'x'\" }"),
            code: .unknownField, messageFragment: "unknown column `relevnat`"),
        .init(
            name: "version zero",
            document: xlsform(version: "0", survey: "  - { type: text, name: a, label: A }"),
            code: .invalidVersion, messageFragment: "has version 0, but versions start at 1"),
        .init(
            name: "version not a number",
            document: xlsform(version: "eins", survey: "  - { type: text, name: a, label: A }"),
            code: .invalidVersion, messageFragment: "version 'eins' is not a whole number"),
        .init(
            name: "missing form id",
            document: xlsform(formID: "", survey: "  - { type: text, name: a, label: A }"),
            code: .missingField, messageFragment: "Set `form_id`"),
        .init(
            name: "missing title",
            document: xlsform(title: "", survey: "  - { type: text, name: a, label: A }"),
            code: .missingField, messageFragment: "Set `form_title`"),
        .init(
            name: "no questions",
            document: xlsform(survey: "  []"),
            code: .missingField, messageFragment: "has no questions"),
        .init(
            name: "not YAML",
            document: "survey: [ { type: text",
            code: .invalidDocument, messageFragment: "not valid YAML or JSON"),
        .init(
            name: "neither XLSForm nor canonical",
            document: "{\"form\": 1}",
            code: .invalidDocument, messageFragment: "neither a `survey` list"),
        .init(
            name: "canonical empty choice list",
            document: """
                {"id": "t", "version": 1, "title": "T", "questions": [
                  {"name": "a", "type": "select_one", "label": "A", "choices": []}]}
                """,
            code: .emptyChoiceList, messageFragment: "Question 1 ('a') is a select_one question with an empty choice list"),
        .init(
            name: "canonical select without choices",
            document: #"{"id": "t", "version": 1, "title": "T", "questions": [{"name": "a", "type": "select_multiple", "label": "A"}]}"#,
            code: .missingChoiceList, messageFragment: "without choices"),
        .init(
            name: "canonical duplicate choice names",
            document: """
                {"id": "t", "version": 1, "title": "T", "questions": [{"name": "a", "type": "select_one", "label": "A",
                  "choices": [{"name": "x", "label": "X"}, {"name": "x", "label": "Y"}]}]}
                """,
            code: .duplicateChoiceName, messageFragment: "choice name 'x' appears twice"),
        .init(
            name: "canonical unknown type",
            document: #"{"id": "t", "version": 1, "title": "T", "questions": [{"name": "a", "type": "photo", "label": "A"}]}"#,
            code: .unknownType, messageFragment: "Question 1 ('a') has the unknown type 'photo'"),
        .init(
            name: "canonical unknown key",
            document: #"{"id": "t", "version": 1, "title": "T", "questions": [{"name": "a", "type": "text", "label": "A", "maxlength": 3}]}"#,
            code: .unknownField, messageFragment: "unknown key `maxlength`"),
        .init(
            name: "canonical version zero",
            document: #"{"id": "t", "version": 0, "title": "T", "questions": [{"name": "a", "type": "text", "label": "A"}]}"#,
            code: .invalidVersion, messageFragment: "versions start at 1"),
    ]

    @Test(arguments: errorCases)
    func refusesWithPreciseMessage(_ row: LoadingErrorCase) {
        #expect {
            try SurveyDefinition.parse(Data(row.document.utf8))
        } throws: { error in
            guard let error = error as? SurveyError else { return false }
            #expect(error.code == row.code)
            #expect(error.message.contains(row.messageFragment), "\(error.message)")
            return error.code == row.code
        }
    }

    @Test func acceptsVersionAsNumericString() throws {
        let survey = try SurveyDefinition.parse(xlsform(version: "\"3\"", survey: "  - { type: text, name: a, label: A }"))
        #expect(survey.version == 3)
    }

    @Test func acceptsSettingsAsOneRowList() throws {
        let yaml = """
            settings:
              - { form_id: t, version: 2, form_title: T }
            survey:
              - { type: text, name: a, label: A }
            """
        let survey = try SurveyDefinition.parse(yaml)
        #expect(survey.id == "t" && survey.version == 2)
    }

    @Test(arguments: [("yes", true), ("no", false), ("true", true), ("false", false), ("true()", true), ("FALSE()", false), ("", false)])
    func readsRequiredSpellings(flag: String, expected: Bool) throws {
        let survey = try SurveyDefinition.parse(
            xlsform(survey: "  - { type: text, name: a, label: A, required: \"\(flag)\" }"))
        #expect(survey.questions[0].required == expected)
    }

    @Test func prefersGermanLanguageColumns() throws {
        let yaml = xlsform(
            survey: """
                  - type: select_one l
                    name: a
                    "label::English (en)": Size
                    "label::German (de)": Größe
                    "hint::de": Bitte schätzen
                    "constraint_message::English (en)": Too small
              """,
            choices: """
                  - { list_name: l, name: x, "label::English (en)": Small, "label::Deutsch (de)": Klein }
              """)
        let question = try SurveyDefinition.parse(yaml).questions[0]
        #expect(question.label == "Größe")
        #expect(question.hint == "Bitte schätzen")
        #expect(question.constraintMessage == "Too small")
        #expect(question.choices == [Choice(name: "x", labels: LocalizedText("Klein", translations: ["en": "Small"]))])
    }

    @Test func skipsBlankRows() throws {
        let survey = try SurveyDefinition.parse(
            xlsform(survey: """
                  - { type: text, name: a, label: A }
                  - { type: , name: , label: }
                  - { type: text, name: b, label: B }
                """))
        #expect(survey.questions.map(\.name) == ["a", "b"])
    }

    @Test func leavesNoAndOnAsChoiceNames() throws {
        let survey = try SurveyDefinition.parse(
            xlsform(
                survey: "  - { type: select_one yn, name: a, label: A }",
                choices: "  - { list_name: yn, name: no, label: Nein }\n  - { list_name: yn, name: on, label: An }"))
        #expect(survey.questions[0].choices?.map(\.name) == ["no", "on"])
    }

    @Test func initializerRunsTheSameChecks() {
        #expect(throws: SurveyError.self) {
            try Question(name: "a", type: .integer, label: "A", min: 5, max: 1)
        }
        #expect {
            try SurveyDefinition(
                id: "t", version: 1, title: "T",
                questions: [try Question(name: "a", type: .text, label: "A", relevant: "${b} = 'x'")])
        } throws: { ($0 as? SurveyError)?.code == .unknownReference }
    }
}
