import Foundation

/// RFC 4180 field and row encoding.
public enum CSVEncoding {
    /// One field: quoted when it holds a quote, comma, CR or LF (or starts or ends with a
    /// space), with quotes doubled; otherwise as is. A text a spreadsheet would run as a formula
    /// (``isFormulaLike(_:)``, e.g. a resident's answer `=HYPERLINK(…)`) gets a leading `'`.
    public static func field(_ value: String) -> String {
        let text = isFormulaLike(value) ? "'" + value : value
        let needsQuotes = text.unicodeScalars.contains { $0 == "\"" || $0 == "," || $0 == "\r" || $0 == "\n" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether `text` starts as a formula does in a spreadsheet (`=`, `+`, `-`, `@`, a tab or a carriage
    /// return) and is not just a number or a list of numbers (`-3`, `+49 341 1234567`, a geopoint
    /// `-33.9 18.4`), which cannot call anything and stay as they are.
    public static func isFormulaLike(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return false }
        let numeric = text.unicodeScalars.allSatisfy { "0123456789+-., ".unicodeScalars.contains($0) }
            && text.unicodeScalars.contains { CharacterSet.decimalDigits.contains($0) }
        return !numeric
    }

    /// One record: the fields joined by commas, ended by CRLF.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }
}
