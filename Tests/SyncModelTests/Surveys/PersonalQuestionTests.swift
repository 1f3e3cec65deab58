import Foundation
import SyncModel
import Testing

/// `personal` on a question: read from YAML/JSON and XLSForm rows, kept in the canonical JSON, refused when not yes/no.
@Suite("Personal questions in survey definitions")
struct PersonalQuestionTests {
    static func xlsformYAML(personal: String) -> String {
        """
        settings: { form_id: s, version: 1, form_title: S }
        survey:
          - { type: text, name: kontakt, label: Kontakt, personal: \(personal) }
          - { type: integer, name: alter, label: Alter }
        """
    }

    @Test("The fixture survey marks kontakt, and only kontakt, as personal")
    func fixtureMarksKontakt() throws {
        let survey = try FixtureFiles.survey()
        #expect(survey.questions.filter(\.personal).map(\.name) == ["kontakt"])
    }

    @Test("The XLSForm column takes the words `required` takes", arguments: [
        ("yes", true), ("true", true), ("1", true), ("TRUE", true), ("no", false), ("false", false), ("0", false),
    ])
    func xlsformFlag(text: String, expected: Bool) throws {
        let survey = try SurveyDefinition.parse(Self.xlsformYAML(personal: text))
        #expect(survey.questions.first?.personal == expected)
        #expect(survey.questions.last?.personal == false, "a question without the column is not personal")
    }

    @Test("A value that is not yes or no is refused with the question and the column named")
    func badFlagRefused() throws {
        #expect {
            try SurveyDefinition.parse(Self.xlsformYAML(personal: "vielleicht"))
        } throws: { error in
            let message = (error as? SurveyError)?.message ?? ""
            return message.contains("kontakt") && message.contains("`personal` is 'vielleicht'; write yes or no")
        }
    }

    @Test("The canonical JSON keeps personal: true, leaves it out when false, and reads it back")
    func canonicalRoundTrip() throws {
        let survey = try FixtureFiles.survey()
        let encoded = try JSONEncoder().encode(survey)
        let text = String(decoding: encoded, as: UTF8.self)
        #expect(text.components(separatedBy: "\"personal\":true").count == 2, "only kontakt carries the key")
        #expect(!text.contains("\"personal\":false"))
        let decoded = try JSONDecoder().decode(SurveyDefinition.self, from: encoded)
        #expect(decoded == survey)
        #expect(try SurveyDefinition.parse(encoded) == survey, "the canonical reader takes the key too")
    }
}
