import Foundation
import SyncModel
import Testing

@Suite("Fixture survey")
struct FixtureSurveyTests {
    @Test func loadsWithSettingsFromTheFile() throws {
        let survey = try FixtureFiles.survey()
        #expect(survey.id == "nachbarschaft-2026")
        #expect(survey.version == 1)
        #expect(survey.title == "Aktivierende Befragung Nachbarschaft")
    }

    @Test func hasAtLeastTwelveQuestionsCoveringEveryType() throws {
        let survey = try FixtureFiles.survey()
        #expect(survey.questions.count >= 12)
        #expect(Set(survey.questions.map(\.type)) == Set(QuestionType.allCases))
    }

    @Test func keepsUmlautsInLabelsAndChoices() throws {
        let survey = try FixtureFiles.survey()
        #expect(survey.question(named: "haushalt")?.label == "Haushaltsgröße")
        #expect(survey.question(named: "probleme")?.label == "Größte Probleme")
        #expect(survey.question(named: "probleme")?.choice(named: "gruenflaechen")?.label == "Zu wenig Grünflächen")
        #expect(survey.question(named: "mitmachen")?.label == "Würden Sie bei einem Nachbarschaftstreffen mitmachen?")
    }

    @Test func readsRequiredBoundsAndParsedConditions() throws {
        let survey = try FixtureFiles.survey()
        let required = survey.questions.filter(\.required).map(\.name)
        #expect(required == ["datum", "wohndauer", "haushalt", "gefaellt", "probleme", "probleme_sonstiges", "mitmachen"])
        let alter = try #require(survey.question(named: "alter"))
        #expect(alter.min == 14 && alter.max == 120)
        #expect(survey.question(named: "probleme_sonstiges")?.maxLength == 200)
        #expect(
            survey.question(named: "probleme_sonstiges")?.relevantCondition
                == .selected(.reference("probleme"), .string("sonstiges")))
        #expect(
            survey.question(named: "kinder")?.constraintCondition
                == .comparison(.currentValue, .less, .reference("haushalt")))
    }

    @Test func selectQuestionsCarryTheirChoiceListsInOrder() throws {
        let survey = try FixtureFiles.survey()
        #expect(
            survey.question(named: "wohndauer")?.choices?.map(\.name) == ["unter_1", "jahre_1_5", "jahre_5_15", "ueber_15"])
        #expect(survey.question(named: "mitmachen")?.choices?.map(\.name) == ["ja", "vielleicht", "nein"])
        #expect(survey.question(named: "alter")?.choices == nil)
    }

    @Test func householdsFileHasFortyQuotedRows() throws {
        let text = try #require(String(data: try FixtureFiles.data("households.csv"), encoding: .utf8))
        let lines = text.split(separator: "\n")
        #expect(lines.first == "id,street,house_number,postcode,note")
        #expect(lines.count == 41)
        #expect(text.contains("\"Klingel defekt, bitte klopfen\""))
        let ids = lines.dropFirst().map { String($0.prefix(36)) }
        #expect(Set(ids).count == 40)
        #expect(ids.allSatisfy { UUID(uuidString: $0) != nil })
    }
}
