/// Where the rows an `XLSFormReader` reads come from: a YAML/JSON document or the sheets of a workbook.
///
/// It decides how rows are named in messages (`survey row 3` or `sheet 'survey', row 7`) and whether
/// unknown columns are refused (documents) or ignored (workbooks carry columns for other tools).
struct XLSFormOrigin: Sendable {
    /// The name of the survey sheet as the workbook spells it.
    var surveySheet = "survey"
    /// The name of the choices sheet as the workbook spells it.
    var choicesSheet = "choices"
    /// The sheet row number of each survey row; `nil` for documents (rows are counted from 1).
    var surveyRows: [Int]? = nil
    /// The sheet row number of each choices row; `nil` for documents.
    var choicesRows: [Int]? = nil
    /// Whether columns the reader does not know are skipped instead of refused.
    var ignoresUnknownColumns = false

    /// A YAML or JSON document.
    static let document = XLSFormOrigin()

    /// Where the survey row at `index` is, for messages.
    func surveyLocation(_ index: Int) -> SurveyPlace {
        guard let surveyRows else { return .surveyRow(index + 1) }
        return .sheetRow(sheet: surveySheet, row: surveyRows[index])
    }

    /// Where the choices row at `index` is, for messages.
    func choicesPlace(_ index: Int) -> SurveyPlace {
        guard let choicesRows else { return .choicesRow(index + 1) }
        return .sheetRow(sheet: choicesSheet, row: choicesRows[index])
    }
}
