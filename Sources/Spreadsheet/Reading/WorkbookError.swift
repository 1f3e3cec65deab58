/// Why a workbook cannot be read, in words a spreadsheet user can act on.
public struct WorkbookError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong and what to do about it.
    public let message: String

    /// Creates an error with its message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// The error for a file that is not an XLSX workbook at all.
    static let notAWorkbook = WorkbookError(
        "The file is not an Excel workbook (.xlsx): it is not a readable ZIP archive. "
            + "Save it from your spreadsheet program as \"Excel 2007-365 (.xlsx)\" and try again.")

    /// The error for a workbook part that is missing or damaged.
    static func damaged(_ part: String, _ detail: String) -> WorkbookError {
        WorkbookError(
            "The workbook is damaged: \(detail) (part \(part)). Open it in your spreadsheet program, "
                + "save it again as .xlsx and try again.")
    }
}
