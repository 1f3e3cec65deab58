/// One row of a worksheet that holds at least one cell.
public struct SheetRow: Hashable, Sendable {
    /// The row number as the spreadsheet shows it (1 is the first row).
    public let number: Int
    /// The row's cells by column index (0 is column A); empty cells are absent.
    public let cells: [Int: CellValue]

    /// Creates a row.
    public init(number: Int, cells: [Int: CellValue]) {
        self.number = number
        self.cells = cells
    }

    /// The text of the cell in `column`, trimmed; `nil` when the cell is empty or blank.
    public func text(at column: Int) -> String? {
        guard let text = cells[column]?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            return nil
        }
        return text
    }

    /// Whether no cell of the row holds any visible text.
    public var isBlank: Bool { cells.keys.allSatisfy { text(at: $0) == nil } }
}
