import Foundation
import SyncModel
import Testing

@Suite("Canonical survey JSON")
struct CanonicalJSONTests {
    @Test func roundTripsThroughParse() throws {
        let survey = try FixtureFiles.survey()
        let json = survey.canonicalJSON()
        #expect(try SurveyDefinition.parse(json) == survey)
        #expect(try JSONDecoder().decode(SurveyDefinition.self, from: json) == survey)
    }

    @Test func isStableAcrossEncodings() throws {
        let survey = try FixtureFiles.survey()
        let reparsed = try SurveyDefinition.parse(survey.canonicalJSON())
        #expect(reparsed.canonicalJSON() == survey.canonicalJSON())
    }

    @Test func yamlAndCanonicalJSONGiveEqualDefinitions() throws {
        let yaml = """
            settings: { form_id: mini, version: "2", form_title: Mini-Befragung }
            survey:
              - { type: integer, name: alter, label: Alter, required: yes, min: 14, max: 120 }
              - { type: select_multiple themen, name: themen, label: Größte Probleme, hint: Mehrfachnennung }
              - type: text
                name: anderes
                label: Was noch?
                relevant: selected(${themen}, 'sonst')
                max_length: 200
                constraint: string-length(.) >= 2
                constraint_message: Bitte ausführlicher.
            choices:
              - { list_name: themen, name: laerm, label: Lärm }
              - { list_name: themen, name: sonst, label: Sonstiges }
            """
        let json = """
            {"id": "mini", "version": 2, "title": "Mini-Befragung", "questions": [
              {"name": "alter", "type": "integer", "label": "Alter", "required": true, "min": 14, "max": 120},
              {"name": "themen", "type": "select_multiple", "label": "Größte Probleme", "hint": "Mehrfachnennung",
               "required": false, "choices": [{"name": "laerm", "label": "Lärm"}, {"name": "sonst", "label": "Sonstiges"}]},
              {"name": "anderes", "type": "text", "label": "Was noch?", "relevant": "selected(${themen}, 'sonst')",
               "maxLength": 200, "constraint": "string-length(.) >= 2", "constraintMessage": "Bitte ausführlicher."}
            ]}
            """
        let fromYAML = try SurveyDefinition.parse(yaml)
        let fromJSON = try SurveyDefinition.parse(Data(json.utf8))
        #expect(fromYAML == fromJSON)
        #expect(fromYAML.questions[2].relevantCondition == .selected(.reference("themen"), .string("sonst")))
    }

    @Test func writesStableKeysAndOmitsNil() throws {
        let survey = try SurveyDefinition(
            id: "mini", version: 1, title: "Mini",
            questions: [
                try Question(name: "alter", type: .integer, label: "Alter", required: true, min: 14, max: 120),
                try Question(
                    name: "note", type: .decimal, label: "Note", min: 0.5, constraint: ". != 3",
                    constraintMessage: "Nicht 3"),
                try Question(
                    name: "wahl", type: .selectOne, label: "Wahl", choices: [Choice(name: "a", label: "Ä")],
                    relevant: "${alter} >= 18"),
                try Question(name: "text", type: .text, label: "Text", hint: "h", minLength: 1, maxLength: 9),
            ])
        let json = String(decoding: survey.canonicalJSON(), as: UTF8.self)
        let expected = """
            {"id":"mini","questions":[\
            {"label":"Alter","max":120,"min":14,"name":"alter","required":true,"type":"integer"},\
            {"constraint":". != 3","constraintMessage":"Nicht 3","label":"Note","min":0.5,"name":"note","required":false,"type":"decimal"},\
            {"choices":[{"label":"Ä","name":"a"}],"label":"Wahl","name":"wahl","relevant":"${alter} >= 18","required":false,"type":"select_one"},\
            {"hint":"h","label":"Text","maxLength":9,"minLength":1,"name":"text","required":false,"type":"text"}\
            ],"title":"Mini","version":1}
            """
        #expect(json == expected)
    }

    @Test func decodingRefusesInvalidSurveysWithTheSurveyError() {
        let json = #"{"id":"t","version":1,"title":"T","questions":[{"name":"a","type":"integer","label":"A","min":5,"max":1}]}"#
        #expect {
            try JSONDecoder().decode(SurveyDefinition.self, from: Data(json.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return (context.underlyingError as? SurveyError)?.code == .invalidRange
        }
    }
}
