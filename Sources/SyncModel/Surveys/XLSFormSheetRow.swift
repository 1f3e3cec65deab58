/// One data row of an XLSForm sheet: its row number and its filled cells under their column names.
public struct XLSFormSheetRow: Sendable {
    /// The row number as the spreadsheet shows it, for messages.
    public var number: Int
    /// The filled cells as (XLSForm column name, text), in column order, e.g. `("label::Deutsch (de)", "Alter")`.
    public var cells: [(column: String, value: String)]

    /// Creates a row.
    public init(number: Int, cells: [(column: String, value: String)]) {
        self.number = number
        self.cells = cells
    }
}
