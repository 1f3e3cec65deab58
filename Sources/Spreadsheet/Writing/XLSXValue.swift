/// What one cell of a written worksheet holds.
public enum XLSXValue: Hashable, Sendable {
    /// An empty cell (nothing is written).
    case empty
    /// Text, kept exactly (line breaks, umlauts, leading spaces).
    case text(String)
    /// A number.
    case number(Double)
    /// A date, shown as `yyyy-mm-dd`.
    case date(year: Int, month: Int, day: Int)
    /// A date and time, shown as `yyyy-mm-dd hh:mm:ss`; seconds since 1970-01-01 00:00 (no time zone).
    case dateTime(secondsSince1970: Int64)
    /// Bold text, for header rows.
    case heading(String)
}
