import Foundation
import SyncModel
import Testing

/// One line of interviewer input for a fixture question and what it must become.
struct InputCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable, Equatable {
        case value(FieldValue)
        case issue(ValidationIssue.Code)
    }

    let question: String
    let input: String
    var answers: [String: FieldValue] = [:]
    let outcome: Outcome

    var testDescription: String { "\(question) ← \"\(input)\"" }
}

@Suite("Question input parsing")
struct QuestionInputTests {
    static let cases: [InputCase] = [
        // empty input is unanswered, for every type
        .init(question: "alter", input: "", outcome: .value(.null)),
        .init(question: "gefaellt", input: "   ", outcome: .value(.null)),
        .init(question: "probleme", input: "", outcome: .value(.null)),
        // text
        .init(question: "gefaellt", input: "  Die Grünflächen am Mühlbach  ", outcome: .value("Die Grünflächen am Mühlbach")),
        .init(question: "gefaellt", input: String(repeating: "ß", count: 501), outcome: .issue(.lengthOutOfRange)),
        .init(question: "probleme_sonstiges", input: "ab", outcome: .issue(.lengthOutOfRange)),
        .init(question: "kontakt", input: "123", outcome: .issue(.constraintViolated)),
        .init(question: "kontakt", input: "info@example.org", outcome: .value("info@example.org")),
        // integer
        .init(question: "alter", input: "47", outcome: .value(47)),
        .init(question: "alter", input: " 47 ", outcome: .value(47)),
        .init(question: "alter", input: "4,5", outcome: .issue(.wrongType)),
        .init(question: "alter", input: "siebzig", outcome: .issue(.wrongType)),
        .init(question: "alter", input: "130", outcome: .issue(.outOfRange)),
        .init(question: "alter", input: "1.000", outcome: .issue(.outOfRange)),
        .init(question: "kinder", input: "2", answers: ["haushalt": 3], outcome: .value(2)),
        .init(question: "kinder", input: "3", answers: ["haushalt": 3], outcome: .issue(.constraintViolated)),
        // decimal, with decimal comma
        .init(question: "zufriedenheit", input: "7,5", outcome: .value(7.5)),
        .init(question: "zufriedenheit", input: "7.5", outcome: .value(7.5)),
        .init(question: "zufriedenheit", input: "8", outcome: .value(.decimal(8))),
        .init(question: "zufriedenheit", input: "10,5", outcome: .issue(.outOfRange)),
        .init(question: "zufriedenheit", input: "1e1", outcome: .issue(.wrongType)),
        .init(question: "zufriedenheit", input: "nan", outcome: .issue(.wrongType)),
        .init(question: "zufriedenheit", input: "7,5,1", outcome: .issue(.wrongType)),
        // select_one: number as shown, name, or label
        .init(question: "wohndauer", input: "3", outcome: .value("jahre_5_15")),
        .init(question: "wohndauer", input: "ueber_15", outcome: .value("ueber_15")),
        .init(question: "mitmachen", input: "Vielleicht", outcome: .value("vielleicht")),
        .init(question: "mitmachen", input: "ja, gerne", outcome: .value("ja")),
        .init(question: "wohndauer", input: "5", outcome: .issue(.unknownChoice)),
        .init(question: "wohndauer", input: "0", outcome: .issue(.unknownChoice)),
        .init(question: "wohndauer", input: "immer", outcome: .issue(.unknownChoice)),
        // select_multiple: numbers or names, spaces or commas, result in choice order
        .init(question: "probleme", input: "1 3", outcome: .value(["verkehr", "mieten"])),
        .init(question: "probleme", input: "mieten, verkehr", outcome: .value(["verkehr", "mieten"])),
        .init(question: "probleme", input: "2,muell 2", outcome: .value(["muell"])),
        .init(question: "probleme", input: "1 8", outcome: .issue(.unknownChoice)),
        // date: ISO and German
        .init(question: "datum", input: "2026-11-25", outcome: .value("2026-11-25")),
        .init(question: "datum", input: "25.11.2026", outcome: .value("2026-11-25")),
        .init(question: "datum", input: "1.2.2026", outcome: .value("2026-02-01")),
        .init(question: "datum", input: "29.02.2028", outcome: .value("2028-02-29")),
        .init(question: "datum", input: "29.02.2026", outcome: .issue(.invalidDate)),
        .init(question: "datum", input: "2026-13-01", outcome: .issue(.invalidDate)),
        .init(question: "datum", input: "morgen", outcome: .issue(.invalidDate)),
        // geopoint
        .init(question: "standort", input: "51.3397 12.3731", outcome: .value(["latitude": 51.3397, "longitude": 12.3731])),
        .init(question: "standort", input: "51.3397, 12.3731", outcome: .value(["latitude": 51.3397, "longitude": 12.3731])),
        .init(question: "standort", input: "51.3397,12.3731", outcome: .value(["latitude": 51.3397, "longitude": 12.3731])),
        .init(
            question: "standort", input: "51,3397 12,3731 110 4,5",
            outcome: .value(["latitude": 51.3397, "longitude": 12.3731, "altitude": 110.0, "accuracy": 4.5])),
        .init(question: "standort", input: "95 12", outcome: .issue(.invalidGeopoint)),
        .init(question: "standort", input: "51.3", outcome: .issue(.invalidGeopoint)),
        .init(question: "standort", input: "Lindenstraße 8", outcome: .issue(.invalidGeopoint)),
        // note
        .init(question: "begruessung", input: "ok", outcome: .issue(.answerToNote)),
    ]

    @Test(arguments: cases)
    func parsesOrRejectsInput(_ row: InputCase) throws {
        let question = try #require(try FixtureFiles.survey().question(named: row.question))
        switch question.parseInput(row.input, answers: row.answers) {
        case .success(let value):
            #expect(InputCase.Outcome.value(value) == row.outcome)
        case .failure(let issue):
            #expect(InputCase.Outcome.issue(issue.code) == row.outcome, "\(issue.message)")
            #expect(issue.question == row.question)
        }
    }

    @Test func parsedValuesPassValidation() throws {
        let survey = try FixtureFiles.survey()
        let inputs = [
            "datum": "25.11.2026", "wohndauer": "2", "haushalt": "1", "gefaellt": "Ruhig", "probleme": "2 3",
            "zufriedenheit": "6,5", "mitmachen": "3", "standort": "51,34 12,37",
        ]
        var answers: [String: FieldValue] = [:]
        for (name, text) in inputs {
            answers[name] = try survey.question(named: name)!.parseInput(text).get()
        }
        #expect(survey.validate(answers, finalized: true) == [])
    }

    @Test func rejectionMessageListsNumberedChoices() throws {
        let question = try #require(try FixtureFiles.survey().question(named: "mitmachen"))
        guard case .failure(let issue) = question.parseInput("9") else {
            Issue.record("9 must be refused")
            return
        }
        #expect(issue.message.contains("1 = ja (Ja, gerne), 2 = vielleicht (Vielleicht), 3 = nein (Nein)"))
    }
}
