import Foundation

/// The value of one non-empty cell as the workbook stores it.
public enum CellValue: Hashable, Sendable {
    /// Text: a shared string, an inline string or a formula's cached text.
    case text(String)
    /// A number as written in the file (dates and times are numbers too, counted in days since 1899-12-30).
    case number(String)
    /// A boolean.
    case boolean(Bool)
    /// A formula error such as `#DIV/0!`.
    case error(String)

    /// The value as text: numbers without a trailing `.0` when whole, booleans as `true`/`false`.
    public var text: String {
        switch self {
        case .text(let text): return text
        case .number(let raw): return CellValue.format(number: raw)
        case .boolean(let value): return value ? "true" : "false"
        case .error(let code): return code
        }
    }

    /// Writes a stored number the way a spreadsheet shows it by default: `2026112501`, not `2.026112501E9`.
    static func format(number raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else { return trimmed }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        if trimmed.contains("E") || trimmed.contains("e") { return String(value) }
        return trimmed
    }
}
