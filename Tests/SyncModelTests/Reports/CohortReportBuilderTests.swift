import Foundation
import SyncFixtures
import SyncModel
import Testing

/// The report built one record at a time, as `fieldclient report` does on a large store.
@Suite("Cohort report builder")
struct CohortReportBuilderTests {
    /// Doors on two streets and twelve responses, some final, some drafts, one deleted.
    static func records() -> [Record] {
        let doors = [
            CohortReportTests.door(1, "Lindenstraße", outcome: "interviewed"),
            CohortReportTests.door(2, "Am Mühlbach", outcome: nil),
        ]
        var records = doors
        for index in 0..<12 {
            var response = CohortReportTests.response(
                index + 1, owner: index.isMultiple(of: 3) ? "ben" : "anna", door: doors[index % 2], hours: Double(12 - index),
                status: index.isMultiple(of: 4) ? .draft : .final,
                ["haushalt": .integer(Int64(index % 5 + 1)), "gefaellt": .string("Antwort \(index)"), "alter": .integer(Int64(20 + index))])
            if index == 7 { response.delete(by: CohortReportTests.participant, at: CohortReportTests.time(hours: 40)) }
            records.append(response)
        }
        return records
    }

    /// The report of `records` added one at a time.
    static func build(_ records: [Record]) throws -> CohortReport {
        var builder = CohortReportBuilder(surveys: [try FixtureFiles.survey()])
        for record in records { builder.add(record) }
        return builder.report
    }

    @Test("the report does not depend on the order the records come in", arguments: [1, 2, 3, 4])
    func orderDoesNotMatter(seed: UInt64) throws {
        let records = Self.records()
        var generator = SplitMix64(seed: seed)
        let forward = try Self.build(records)
        #expect(try Self.build(records.shuffled(using: &generator)) == forward)
        #expect(try Self.build(records.reversed()) == forward)
    }

    @Test("text answers are listed in interview order, drafts and deleted responses only counted")
    func textsInInterviewOrder() throws {
        let report = try Self.build(Self.records().reversed())
        let survey = try #require(report.surveys.first)
        // Response i starts at 12 - i hours: the last created is the first interviewed.
        let finals = (0..<12).filter { !$0.isMultiple(of: 4) && $0 != 7 }
        #expect(survey.questions.first { $0.name == "gefaellt" }?.texts == finals.reversed().map { "Antwort \($0)" })
        #expect((survey.final, survey.drafts, survey.deleted) == (finals.count, 3, 1))
        #expect(survey.streets.map(\.name) == ["Am Mühlbach", "Lindenstraße"])
        #expect(survey.streets.map { $0.final + $0.drafts } == [5, 6])
    }

    @Test("a builder that saw nothing reports every published survey with zero responses")
    func empty() throws {
        let report = try Self.build([])
        #expect(report.surveys.map(\.survey) == ["nachbarschaft-2026"])
        #expect(report.surveys[0].final == 0 && report.households.total == 0 && report.openConflicts.isEmpty)
    }
}
