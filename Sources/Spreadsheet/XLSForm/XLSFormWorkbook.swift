import Foundation
import SyncModel

/// Reads an XLSForm workbook (`survey`, `choices` and `settings` sheets) into a survey.
///
/// The sheets become the rows that SyncModel's XLSForm reader takes from YAML/JSON, so a workbook and its
/// YAML twin publish the same survey. Sheet and column names are matched without regard to case; old
/// spellings (`list name`, `label:English`, `jr:constraintMsg`) are understood; other sheets, columns
/// the reader does not use and blank rows are skipped.
public enum XLSFormWorkbook {
    /// The media type of an `.xlsx` workbook.
    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The most rows with content the `survey` sheet may have.
    public static let rowLimit = 5_000

    /// Whether `data` starts like a ZIP archive, as every `.xlsx` file does.
    public static func looksLikeWorkbook(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// Reads the survey of the workbook in `data`.
    ///
    /// A workbook without a `settings` sheet gets, as in pyxform, its file name (without extension) as form id
    /// and title, and version 1, when `fileName` is given; otherwise it is refused.
    public static func survey(from data: Data, fileName: String? = nil) throws(SurveyError) -> SurveyDefinition {
        let workbook: Workbook
        do {
            workbook = try Workbook(data: data)
        } catch {
            throw SurveyError(.invalidDocument, "workbook", ["detail": error.text])
        }
        guard let surveyName = workbook.sheetName(matching: "survey") else {
            throw SurveyError(.invalidDocument, "noSurveySheet", ["sheets": "\(workbook.sheetNames.joined(separator: ", "))"])
        }
        let settings: XLSFormSheet
        if let settingsName = workbook.sheetName(matching: "settings") {
            settings = try sheet(settingsName, of: workbook)
        } else if let stem = fileName.map({ URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }),
            !stem.isEmpty
        {
            settings = XLSFormSheet(
                name: "settings",
                rows: [XLSFormSheetRow(number: 2, cells: [("form_id", stem), ("form_title", stem), ("version", "1")])])
        } else {
            throw SurveyError(.missingField, "noSettingsSheet")
        }
        let surveySheet = try sheet(surveyName, of: workbook)
        if surveySheet.rows.count > rowLimit {
            throw SurveyError(
                .invalidDocument, "tooManyRows",
                ["sheet": "\(surveyName)", "count": "\(surveySheet.rows.count)", "limit": "\(rowLimit)"])
        }
        var choicesSheet: XLSFormSheet?
        if let choicesName = workbook.sheetName(matching: "choices") {
            choicesSheet = try sheet(choicesName, of: workbook)
        }
        return try SurveyDefinition.parse(survey: surveySheet, choices: choicesSheet, settings: settings)
    }

    /// A sheet's data rows under its header (the first row with content), blank rows left out.
    static func sheet(_ name: String, of workbook: Workbook) throws(SurveyError) -> XLSFormSheet {
        let rows: [SheetRow]
        do {
            rows = try workbook.rows(ofSheet: name)
        } catch {
            throw SurveyError(.invalidDocument, "workbook", ["detail": error.text])
        }
        guard let headerIndex = rows.firstIndex(where: { !$0.isBlank }) else {
            return XLSFormSheet(name: name, rows: [])
        }
        let header = rows[headerIndex]
        let columns = header.cells.keys.sorted().compactMap { index in
            header.text(at: index).map { (index: index, name: columnName($0)) }
        }
        var result: [XLSFormSheetRow] = []
        for row in rows[(headerIndex + 1)...] where !row.isBlank {
            let cells = columns.compactMap { column in
                row.text(at: column.index).map { (column: column.name, value: $0) }
            }
            if !cells.isEmpty { result.append(XLSFormSheetRow(number: row.number, cells: cells)) }
        }
        return XLSFormSheet(name: name, rows: result)
    }

    /// The XLSForm column name for a header cell: lower case (a `::language` suffix keeps its spelling),
    /// old spellings mapped to today's.
    static func columnName(_ header: String) -> String {
        let trimmed = header.trimmingCharacters(in: .whitespacesAndNewlines)
        var base = trimmed
        var language: String?
        if let range = trimmed.range(of: "::") {
            base = String(trimmed[..<range.lowerBound])
            language = String(trimmed[range.upperBound...])
        } else if let colon = trimmed.firstIndex(of: ":"), !trimmed.lowercased().hasPrefix("jr:") {
            base = String(trimmed[..<colon])  // `label:English`, the old single-colon spelling
            language = String(trimmed[trimmed.index(after: colon)...])
        }
        base = base.trimmingCharacters(in: .whitespaces).lowercased()
        base = aliases[base] ?? base.replacingOccurrences(of: " ", with: "_")
        guard let language = language?.trimmingCharacters(in: .whitespaces), !language.isEmpty else { return base }
        return base + "::" + language
    }

    /// Old or alternative column spellings that pyxform still accepts.
    private static let aliases: [String: String] = [
        "list name": "list_name", "jr:constraintmsg": "constraint_message", "jr:requiredmsg": "required_message",
        "constraint message": "constraint_message", "required message": "required_message",
    ]
}
