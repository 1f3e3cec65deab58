import Foundation
import SyncModel
import Testing

/// Surveys in several languages: `label::Language (tag)` columns, `default_language`, lookups with fallback.
@Suite("Survey languages")
struct SurveyLanguageTests {
    static let turkish = xlsform(
        survey: """
              - type: select_one ja_nein
                name: a
                label: Wohnen Sie gern hier?
                "label::Türkçe (tr)": Burada yaşamaktan memnun musunuz?
                hint: Bitte ehrlich antworten.
              - type: integer
                name: b
                label: Alter
                "label::Türkçe (tr)": Yaşınız
                constraint: . > 13
                constraint_message: Mindestens 14 Jahre.
                "constraint_message::Türkçe (tr)": En az 14 yaş.
          """,
        choices: """
              - { list_name: ja_nein, name: ja, label: Ja, "label::Türkçe (tr)": Evet }
              - { list_name: ja_nein, name: nein, label: Nein, "label::Türkçe (tr)": Hayır }
          """
    ).replacingOccurrences(of: "  form_title: Test\n", with: "  form_title: Test\n  default_language: Deutsch (de)\n")

    @Test(arguments: [
        ("Deutsch (de)", "de", "Deutsch"), ("Türkçe (tr)", "tr", "Türkçe"), ("English", "english", "English"),
        ("de", "de", "de"), (" Русский (RU) ", "ru", "Русский"),
    ])
    func readsXLSFormLanguageNames(text: String, tag: String, name: String) {
        #expect(SurveyLanguage(xlsform: text) == SurveyLanguage(tag: tag, name: name))
    }

    @Test func plainColumnsAreTheDefaultLanguageAndSuffixedOnesTranslations() throws {
        let survey = try SurveyDefinition.parse(Self.turkish)
        #expect(survey.defaultLanguage == "de")
        #expect(survey.languages == [SurveyLanguage(tag: "de", name: "Deutsch"), SurveyLanguage(tag: "tr", name: "Türkçe")])
        let a = survey.questions[0]
        #expect(a.label == "Wohnen Sie gern hier?")
        #expect(a.label(in: "tr") == "Burada yaşamaktan memnun musunuz?")
        #expect(a.label(in: "de") == "Wohnen Sie gern hier?")
        #expect(a.choices?.map { $0.label(in: "tr") } == ["Evet", "Hayır"])
        #expect(survey.questions[1].constraintMessage(in: "tr") == "En az 14 yaş.")
    }

    @Test func aMissingTranslationFallsBackToTheDefaultLanguage() throws {
        let survey = try SurveyDefinition.parse(Self.turkish)
        #expect(survey.questions[0].hint(in: "tr") == "Bitte ehrlich antworten.")
        #expect(survey.questions[0].label(in: "uk") == "Wohnen Sie gern hier?")
        #expect(survey.questions[0].label(in: nil) == "Wohnen Sie gern hier?")
    }

    @Test func constraintMessagesAreGivenInTheAskedLanguage() throws {
        let age = try SurveyDefinition.parse(Self.turkish).questions[1]
        guard case .failure(let issue) = age.parseInput("9", language: "tr") else {
            Issue.record("9 must violate the constraint")
            return
        }
        #expect(issue.message.contains("'Yaşınız' (b)"))
        #expect(issue.message.contains("(En az 14 yaş.)"))
    }

    @Test func aChoiceIsAcceptedByItsLabelInAnyLanguage() throws {
        let question = try SurveyDefinition.parse(Self.turkish).questions[0]
        #expect(question.parseInput("hayır") == .success("nein"))
        #expect(question.parseInput("Ja") == .success("ja"))
    }

    @Test func theDefaultLanguageMayBeNamedByItsSuffixedColumn() throws {
        let yaml = xlsform(
            survey: """
                  - { type: text, name: a, "label::Türkçe (tr)": Yaşınız, "label::Deutsch (de)": Alter }
              """
        ).replacingOccurrences(of: "  form_title: Test\n", with: "  form_title: Test\n  default_language: Türkçe (tr)\n")
        let survey = try SurveyDefinition.parse(yaml)
        #expect(survey.defaultLanguage == "tr")
        #expect(survey.languages.map(\.tag) == ["tr", "de"])
        #expect(survey.questions[0].label == "Yaşınız")
        #expect(survey.questions[0].label(in: "de") == "Alter")
    }

    @Test func aPlainColumnThatContradictsTheDefaultLanguagesColumnIsRefused() throws {
        let yaml = Self.turkish
            .replacingOccurrences(of: "default_language: Deutsch (de)", with: "default_language: Türkçe (tr)")
        let error = #expect(throws: SurveyError.self) { try SurveyDefinition.parse(yaml) }
        #expect(error?.code == .invalidValue)
        // The choices are read first, so their first row is named.
        #expect(
            error?.message.hasPrefix(
                "Choices row 1: `label` and its `label::…` column for the default language 'tr' hold different texts.")
                == true, "\(error?.message ?? "")")
    }

    @Test func withoutDefaultLanguageThePlainColumnsAreTheUnnamedDefault() throws {
        let yaml = Self.turkish.replacingOccurrences(of: "  default_language: Deutsch (de)\n", with: "")
        let survey = try SurveyDefinition.parse(yaml)
        #expect(survey.defaultLanguage == nil)
        #expect(survey.languages.map(\.tag) == [SurveyLanguage.defaultTag, "tr"])
        #expect(survey.questions[1].label(in: "tr") == "Yaşınız")
    }

    @Test(arguments: [
        (["de_DE.UTF-8"], "de"), (["tr_TR.UTF-8"], "tr"), (["fr_FR"], nil), (["Türkçe"], "tr"), (["TR"], "tr"),
        (["uk", "tr-TR"], "tr"), ([], nil),
    ] as [([String], String?)])
    func picksTheBestLanguageForTheLocale(preferred: [String], expected: String?) throws {
        #expect(try SurveyDefinition.parse(Self.turkish).bestLanguage(for: preferred) == expected)
    }

    @Test func canonicalJSONCarriesTheLanguagesAndRoundTrips() throws {
        let survey = try SurveyDefinition.parse(Self.turkish)
        let json = survey.canonicalJSON()
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#""defaultLanguage":"de""#))
        #expect(text.contains(#""labels":{"tr":"Evet"}"#))
        #expect(try SurveyDefinition.parse(json) == survey)
        #expect(try JSONDecoder().decode(SurveyDefinition.self, from: json) == survey)
    }

    @Test func aOneLanguageSurveyKeepsItsCanonicalJSONUnchanged() throws {
        let survey = try SurveyDefinition.parse(xlsform(survey: "  - { type: text, name: a, label: A }"))
        #expect(survey.languages.isEmpty)
        #expect(
            String(decoding: survey.canonicalJSON(), as: UTF8.self)
                == #"{"id":"test","questions":[{"label":"A","name":"a","required":false,"type":"text"}],"title":"Test","version":1}"#)
    }

    @Test func theFixtureSurveyHasEnglishForEveryLabelAndChoice() throws {
        let survey = try FixtureFiles.survey()
        #expect(survey.defaultLanguage == "de")
        #expect(survey.languages.map(\.tag) == ["de", "en"])
        for question in survey.questions {
            #expect(question.labels.translations["en"] != nil, "\(question.name) has no English label")
            #expect(question.hints.map { $0.translations["en"] != nil } ?? true, "\(question.name) has no English hint")
            for choice in question.choices ?? [] {
                #expect(choice.labels.translations["en"] != nil, "\(question.name)/\(choice.name) has no English label")
            }
        }
    }
}
