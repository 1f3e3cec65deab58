import Foundation
import Spreadsheet
import SyncModel
import Testing

/// Workbooks from pyxform's test suite (Fixtures/xlsform, BSD 2-Clause): each publishes with the questions it
/// declares or is refused with a message that names where and what.
@Suite("Real XLSForm workbooks")
struct RealXLSFormTests {
    /// A workbook that publishes, with the question names and types its survey sheet declares.
    struct Published: Sendable, CustomTestStringConvertible {
        let file: String
        let questions: [String]
        let types: [QuestionType]
        var testDescription: String { file }
    }

    /// A workbook that is refused, with the start of the message.
    struct Refused: Sendable, CustomTestStringConvertible {
        let file: String
        let message: String
        var testDescription: String { file }
    }

    static func load(_ file: String) throws -> Data {
        try RepositoryFiles.fixture("xlsform/\(file)")
    }

    @Test("publishes the workbooks QuartierSync supports with the questions they declare", arguments: [
        Published(file: "text_and_integer.xlsx", questions: ["your_name", "your_age"], types: [.text, .integer]),
        Published(file: "yes_or_no_question.xlsx", questions: ["good_day"], types: [.selectOne]),
        Published(file: "field-list.xlsx", questions: ["table_list_question"], types: [.selectOne]),
        Published(file: "extra_columns.xlsx", questions: ["a"], types: [.text]),
        Published(file: "extra_sheet_names.xlsx", questions: ["test"], types: [.text]),
    ])
    func publishes(_ expected: Published) throws {
        let survey = try XLSFormWorkbook.survey(from: Self.load(expected.file), fileName: expected.file)
        #expect(survey.questions.map(\.name) == expected.questions)
        #expect(survey.questions.map(\.type) == expected.types)
        #expect(survey.id == String(expected.file.dropLast(5)))
        #expect(survey.version == 1)
    }

    @Test("reads the labels and choices of old-style workbooks")
    func readsOldStyleLabels() throws {
        let survey = try XLSFormWorkbook.survey(from: Self.load("yes_or_no_question.xlsx"), fileName: "yes_or_no_question.xlsx")
        #expect(survey.questions[0].label == "have you had a good day today?")
        #expect(survey.questions[0].choices?.map(\.name) == ["yes", "no"])
        let fieldList = try XLSFormWorkbook.survey(from: Self.load("field-list.xlsx"), fileName: "field-list.xlsx")
        #expect(fieldList.questions[0].choices?.map(\.label) == ["Yes", "No"])
        #expect(fieldList.questions[0].hint == "hint")
    }

    @Test("refuses the workbooks that use what QuartierSync does not support, saying where", arguments: [
        Refused(
            file: "group.xlsx",
            message: "Sheet 'survey', row 4 ('phone_number'), column `type`: 'phone number' is not supported by QuartierSync. Supported types: text, integer"),
        Refused(
            file: "loop.xlsx",
            message: "Sheet 'survey', row 2 ('available_toilet_types'), column `type`: 'select all that apply from toilet_type or specify other' is not supported"),
        Refused(
            file: "specify_other.xlsx",
            message: "Sheet 'survey', row 2 ('sex'), column `type`: 'select one from sexes or specify other' is not supported"),
        Refused(
            file: "include.xlsx", message: "Sheet 'survey', row 3 ('yes_or_no_question'), column `type`: 'include' is not supported"),
        Refused(file: "case_insensitivity.xlsx", message: "The settings of survey 'YesNo' has no `version`."),
    ])
    func refuses(_ expected: Refused) throws {
        do {
            let survey = try XLSFormWorkbook.survey(from: Self.load(expected.file), fileName: expected.file)
            Issue.record("\(expected.file) published \(survey.questions.count) questions")
        } catch let error as SurveyError {
            #expect(error.message.hasPrefix(expected.message), "\(error.message)")
        }
    }
}
