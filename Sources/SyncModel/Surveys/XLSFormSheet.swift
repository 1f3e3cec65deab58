/// One sheet of an XLSForm workbook as text: its name and its data rows below the header.
///
/// A spreadsheet reader builds these; `SurveyDefinition.parse(survey:choices:settings:)` reads them with the same
/// rules as a YAML/JSON document, so both kinds of file publish the same survey.
public struct XLSFormSheet: Sendable {
    /// The sheet's name as the workbook spells it, for messages.
    public var name: String
    /// The data rows, in sheet order; blank rows may be left out.
    public var rows: [XLSFormSheetRow]

    /// Creates a sheet.
    public init(name: String, rows: [XLSFormSheetRow]) {
        self.name = name
        self.rows = rows
    }
}
