import Foundation
import SyncModel
import Testing

@Suite("AnswerFormatter: answers as people read them, choices by label")
struct AnswerFormatterTests {
    static func formatter(_ language: Language) -> AnswerFormatter {
        AnswerFormatter(catalog: language.catalog, format: DisplayFormat(language: language, timeZone: TimeZone(identifier: "UTC")!))
    }

    @Test(
        "A choice shows its label, select_multiple a list of labels, dates and decimals the German way",
        arguments: [
            ("wohndauer", FieldValue.string("jahre_1_5"), "1 bis 5 Jahre"),
            ("probleme", .array([.string("verkehr"), .string("mieten")]), "Verkehr und Lärm, Hohe Mieten"),
            ("datum", .string("2026-11-25"), "25.11.2026"),
            ("zufriedenheit", .decimal(7.5), "7,5"),
            ("haushalt", .integer(3), "3"),
            ("gefaellt", .string("Die Nachbarn"), "Die Nachbarn"),
            ("wohndauer", .string("gibt_es_nicht"), "gibt_es_nicht"),
            ("haushalt", .null, "—"),
        ] as [(String, FieldValue, String)])
    func germanAnswers(question: String, value: FieldValue, expected: String) throws {
        let question = try #require(try FixtureFiles.survey().question(named: question))
        #expect(Self.formatter(.german).text(value, question: question) == expected)
    }

    @Test("Without a question, values are shown plainly; yes/no and outcomes in the language")
    func plainValues() {
        #expect(Self.formatter(.german).text(.bool(true), question: nil) == "ja")
        #expect(Self.formatter(.english).text(.bool(false), question: nil) == "no")
        #expect(Self.formatter(.german).text(.string("jahre_1_5"), question: nil) == "jahre_1_5")
        #expect(Self.formatter(.german).outcome("not-home") == "nicht zu Hause")
        #expect(Self.formatter(.english).outcome("not-home") == "not at home")
        #expect(Self.formatter(.german).outcome("something-else") == "something-else")
        #expect(
            Self.formatter(.german).text(.object(["latitude": .decimal(51.3397), "longitude": .decimal(12.3731)]), question: nil)
                == "51,3397 / 12,3731")
    }
}
