/// A cell of a workbook written by `TestWorkbook`.
enum TestCell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, Sendable {
    /// Text, stored as the workbook's string style says.
    case text(String)
    /// A number as stored in the file, e.g. `46000` for a date.
    case number(String)
    /// A boolean cell (`t="b"`).
    case boolean(Bool)
    /// A formula with its cached text result (`t="str"`).
    case formula(String, cached: String)
    /// A formula without a cached result.
    case uncachedFormula(String)

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .number(String(value)) }
}
