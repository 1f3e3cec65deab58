/// One typed cell of a spreadsheet export: what a spreadsheet should store, not how CSV spells it.
public enum ExportCell: Hashable, Sendable {
    /// No value (unanswered, not relevant, or no metadata).
    case empty
    /// Text, shown as is (may span several lines).
    case text(String)
    /// A number: integer and decimal answers, 0/1 choice flags.
    case number(Double)
    /// A calendar date (a `date` answer).
    case date(year: Int, month: Int, day: Int)
    /// A point in time, to whole seconds in UTC (created, updated).
    case timestamp(Timestamp)
}
