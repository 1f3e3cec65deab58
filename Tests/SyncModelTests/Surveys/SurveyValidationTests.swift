import Foundation
import SyncModel
import Testing

/// One bad (or good) variation of the complete response to the fixture survey.
struct ValidationCase: Sendable, CustomTestStringConvertible {
    let name: String
    var changes: [String: FieldValue] = [:]
    var removing: [String] = []
    var finalized = true
    /// Expected issues as `question:code`, in order.
    let expected: [String]

    var testDescription: String { name }
}

@Suite("Survey validation")
struct SurveyValidationTests {
    /// A complete, valid, finalized interview for the fixture survey.
    static let validAnswers: [String: FieldValue] = [
        "datum": "2026-11-25",
        "standort": ["latitude": 51.3397, "longitude": 12.3731, "accuracy": 8],
        "wohndauer": "jahre_5_15",
        "alter": 47,
        "haushalt": 3,
        "kinder": 1,
        "gefaellt": "Man grüßt sich, und der Bäcker an der Ecke kennt alle.",
        "probleme": ["verkehr", "sonstiges"],
        "probleme_sonstiges": "Zu wenige Fahrradbügel",
        "zufriedenheit": 7.5,
        "mitmachen": "ja",
        "kontakt": "0341 1234567",
        "anmerkungen": "Sehr offenes Gespräch.",
        "_status": "final",
        "_household": "14aa4e71-9d3c-4dec-80a6-1f933d6c51e3",
        "_note": "zweiter Besuch",
    ]

    static let cases: [ValidationCase] = [
        .init(name: "text given as number", changes: ["gefaellt": 5], expected: ["gefaellt:wrongType"]),
        .init(name: "integer given as words", changes: ["alter": "siebenundvierzig"], expected: ["alter:wrongType"]),
        .init(name: "integer given as decimal", changes: ["alter": 47.5], expected: ["alter:wrongType"]),
        .init(name: "decimal given as integer is fine", changes: ["zufriedenheit": 7], expected: []),
        .init(name: "select_one given as list", changes: ["wohndauer": ["unter_1"]], expected: ["wohndauer:wrongType"]),
        .init(name: "select_multiple given as string", changes: ["probleme": "verkehr"], expected: ["probleme:wrongType", "probleme_sonstiges:notRelevant"]),
        .init(name: "unknown single choice", changes: ["wohndauer": "immer"], expected: ["wohndauer:unknownChoice"]),
        .init(name: "unknown multiple choice", changes: ["probleme": ["verkehr", "laerm", "sonstiges"]], expected: ["probleme:unknownChoice"]),
        .init(name: "choice selected twice", changes: ["probleme": ["verkehr", "verkehr", "sonstiges"]], expected: ["probleme:duplicateChoice"]),
        .init(name: "age above max", changes: ["alter": 130], expected: ["alter:outOfRange"]),
        .init(name: "age below min", changes: ["alter": 13], expected: ["alter:outOfRange"]),
        .init(name: "decimal above max", changes: ["zufriedenheit": 10.5], expected: ["zufriedenheit:outOfRange"]),
        .init(name: "constraint against earlier answer", changes: ["kinder": 3], expected: ["kinder:constraintViolated"]),
        .init(name: "constraint with string-length", changes: ["kontakt": "123"], expected: ["kontakt:constraintViolated"]),
        .init(name: "text too short", changes: ["probleme_sonstiges": "ab"], expected: ["probleme_sonstiges:lengthOutOfRange"]),
        .init(name: "text too long", changes: ["gefaellt": .string(String(repeating: "ä", count: 501))], expected: ["gefaellt:lengthOutOfRange"]),
        .init(name: "text at max length", changes: ["gefaellt": .string(String(repeating: "ä", count: 500))], expected: []),
        .init(name: "impossible date", changes: ["datum": "2026-02-30"], expected: ["datum:invalidDate"]),
        .init(name: "German date is not stored form", changes: ["datum": "25.11.2026"], expected: ["datum:invalidDate"]),
        .init(name: "leap day exists in 2028", changes: ["datum": "2028-02-29"], expected: []),
        .init(name: "latitude out of range", changes: ["standort": ["latitude": 95, "longitude": 12.3]], expected: ["standort:invalidGeopoint"]),
        .init(name: "longitude out of range", changes: ["standort": ["latitude": 51.3, "longitude": -181]], expected: ["standort:invalidGeopoint"]),
        .init(name: "longitude missing", changes: ["standort": ["latitude": 51.3]], expected: ["standort:invalidGeopoint"]),
        .init(name: "negative accuracy", changes: ["standort": ["latitude": 51.3, "longitude": 12.3, "accuracy": -1]], expected: ["standort:invalidGeopoint"]),
        .init(name: "geopoint with unknown key", changes: ["standort": ["latitude": 51.3, "longitude": 12.3, "speed": 3]], expected: ["standort:invalidGeopoint"]),
        .init(name: "geopoint as text", changes: ["standort": "51.3 12.3"], expected: ["standort:wrongType"]),
        .init(name: "unknown questions after question issues", changes: ["lieblingsfarbe": "blau", "alter": 200, "zzz": 1], expected: ["alter:outOfRange", "lieblingsfarbe:unknownQuestion", "zzz:unknownQuestion"]),
        .init(name: "missing required in finalized response", removing: ["gefaellt", "datum"], expected: ["datum:missingRequired", "gefaellt:missingRequired"]),
        .init(name: "null counts as unanswered", changes: ["wohndauer": .null], expected: ["wohndauer:missingRequired"]),
        .init(name: "empty selection counts as unanswered", changes: ["probleme": []], removing: ["probleme_sonstiges"], expected: ["probleme:missingRequired"]),
        .init(name: "missing required in draft is fine", removing: ["gefaellt", "datum", "wohndauer", "probleme", "probleme_sonstiges"], finalized: false, expected: []),
        .init(name: "draft still checks given answers", changes: ["alter": 130], removing: ["gefaellt"], finalized: false, expected: ["alter:outOfRange"]),
        .init(name: "answer to irrelevant question", changes: ["mitmachen": "nein"], expected: ["kontakt:notRelevant"]),
        .init(name: "answer to question hidden by selected()", changes: ["probleme": ["verkehr"]], expected: ["probleme_sonstiges:notRelevant"]),
        .init(name: "irrelevant required question may stay empty", changes: ["probleme": ["verkehr"]], removing: ["probleme_sonstiges"], expected: []),
        .init(name: "unanswered earlier question hides later one", removing: ["haushalt"], finalized: false, expected: ["kinder:notRelevant"]),
        .init(name: "answer to a note", changes: ["begruessung": "Hallo"], expected: ["begruessung:answerToNote"]),
        .init(name: "issues in question order", changes: ["zufriedenheit": 11, "datum": "gestern", "alter": "x"], expected: ["datum:invalidDate", "alter:wrongType", "zufriedenheit:outOfRange"]),
    ]

    @Test func completeResponseHasNoIssues() throws {
        let survey = try FixtureFiles.survey()
        #expect(survey.validate(Self.validAnswers, finalized: true) == [])
        #expect(survey.validate(Self.validAnswers, finalized: false) == [])
    }

    @Test(arguments: cases)
    func reportsExactlyTheExpectedIssues(_ row: ValidationCase) throws {
        let survey = try FixtureFiles.survey()
        var answers = Self.validAnswers.merging(row.changes) { $1 }
        for key in row.removing { answers.removeValue(forKey: key) }
        let issues = survey.validate(answers, finalized: row.finalized)
        #expect(issues.map { "\($0.question):\($0.code.rawValue)" } == row.expected)
    }

    @Test func requiredBindsOnlyWhenFinalized() throws {
        let survey = try FixtureFiles.survey()
        #expect(survey.validate([:], finalized: false) == [])
        let finalized = survey.validate([:], finalized: true)
        #expect(finalized.map(\.question) == ["datum", "wohndauer", "haushalt", "gefaellt", "probleme", "mitmachen"])
        #expect(finalized.allSatisfy { $0.code == .missingRequired })
    }

    @Test func ignoresMetadataKeys() throws {
        let survey = try FixtureFiles.survey()
        #expect(survey.validate(["_status": "draft", "_anything": [1, 2]], finalized: false) == [])
    }

    @Test func messagesNameLabelValueAndAllowedRange() throws {
        let survey = try FixtureFiles.survey()
        let outOfRange = survey.validate(Self.validAnswers.merging(["alter": 130]) { $1 }, finalized: true)
        #expect(outOfRange.first?.message == "'Alter' (alter): 130 is out of range; allowed is 14 to 120.")
        let choice = survey.validate(Self.validAnswers.merging(["wohndauer": "immer"]) { $1 }, finalized: true)
        #expect(
            choice.first?.message
                == "'Wie lange wohnen Sie schon im Quartier?' (wohndauer): 'immer' is not one of the choices; "
                + "allowed are unter_1, jahre_1_5, jahre_5_15, ueber_15.")
        let constraint = survey.validate(Self.validAnswers.merging(["kinder": 3]) { $1 }, finalized: true)
        #expect(constraint.first?.message.contains("Mindestens eine erwachsene Person") == true)
        #expect(constraint.first?.message.contains("3") == true)
    }

    @Test func issuesAreCodableWithStableCodes() throws {
        let issue = ValidationIssue(question: "alter", code: .outOfRange, message: "m")
        let json = String(decoding: try JSONEncoder.sorted.encode(issue), as: UTF8.self)
        #expect(json == #"{"code":"outOfRange","message":"m","question":"alter"}"#)
        #expect(try JSONDecoder().decode(ValidationIssue.self, from: Data(json.utf8)) == issue)
    }
}
