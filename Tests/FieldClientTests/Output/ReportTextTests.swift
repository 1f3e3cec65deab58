import Foundation
import SyncModel
import Testing

@testable import fieldclient

/// How `fieldclient report` prints a question's free-text answers.
@Suite("Report text")
struct ReportTextTests {
    /// A report of `count` final responses to the fixture survey, response i answering `gefaellt`
    /// with "Antwort i" and started i minutes after the first.
    static func report(texts count: Int) throws -> CohortReport {
        let records = (0..<count).map { index in
            var record = Record(
                id: UUID(uuidString: String(format: "10000000-0000-4000-8000-%012d", index))!,
                collection: RecordCollection.responses, cohort: "kurs", survey: "nachbarschaft-2026", surveyVersion: 1,
                owner: "anna")
            let start = 1_788_249_600_000 + Int64(index) * 60_000
            record.write(
                ["gefaellt": .string("Antwort \(index)"), ResponseField.status: .string(ResponseStatus.final.rawValue),
                 ResponseField.createdAt: .integer(start)],
                by: ReplicaID(high: 1, low: 1), at: Timestamp(millisecondsSince1970: start))
            return record
        }
        return CohortReport.make(records: records.reversed(), surveys: [try Fixtures.survey()])
    }

    /// The rendered lines of `report` in `language`.
    static func lines(_ report: CohortReport, _ language: Language) -> [String] {
        ReportText.render(report, heading: [], texts: Texts.make(language: language, timeZone: TimeZone(identifier: "Europe/Berlin")!))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test(
        "the first three text answers are printed in interview order, then how many more there are, in both languages",
        arguments: [
            (Language.german, 250, "      … und 247 weitere (alle Antworten mit 'fieldclient export')"),
            (Language.english, 250, "      … and 247 more (all answers with 'fieldclient export')"),
            (Language.german, 4, "      … und 1 weitere (alle Antworten mit 'fieldclient export')"),
            (Language.english, 4, "      … and 1 more (all answers with 'fieldclient export')"),
        ])
    func firstTextsThenHowManyMore(language: Language, count: Int, more: String) throws {
        let lines = Self.lines(try Self.report(texts: count), language)
        let first = try #require(lines.firstIndex { $0.contains("[gefaellt]") })
        #expect(Array(lines[(first + 1)...(first + 4)]) == [
            "      “Antwort 0”", "      “Antwort 1”", "      “Antwort 2”", more,
        ])
    }

    @Test("three or fewer text answers are all printed, with no line about more", arguments: [Language.german, .english])
    func fewTextsHaveNoMoreLine(language: Language) throws {
        let lines = Self.lines(try Self.report(texts: 3), language)
        let first = try #require(lines.firstIndex { $0.contains("[gefaellt]") })
        #expect(Array(lines[(first + 1)...(first + 3)]) == ["      “Antwort 0”", "      “Antwort 1”", "      “Antwort 2”"])
        #expect(!lines.contains { $0.contains("weitere") || $0.contains("more (all") })
    }
}
