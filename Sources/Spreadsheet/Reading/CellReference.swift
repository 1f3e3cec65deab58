/// Parses cell references such as `B12` and names columns as spreadsheets do.
enum CellReference {
    /// The largest column a workbook may use (XFD).
    static let columnLimit = 16_384

    /// The 0-based column and 1-based row of a reference such as `AB12`; `nil` when it is not one.
    static func parse(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for scalar in reference.unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z":
                guard !sawDigit else { return nil }
                let upper = scalar.value >= 97 ? scalar.value - 32 : scalar.value
                column = column * 26 + Int(upper - 64)
                sawLetter = true
                if column > columnLimit { return nil }
            case "0"..."9":
                row = row * 10 + Int(scalar.value - 48)
                sawDigit = true
                if row > 100_000_000 { return nil }
            case "$":
                continue
            default:
                return nil
            }
        }
        guard sawLetter, column >= 1 else { return nil }
        return (column - 1, sawDigit ? row : 0)
    }

    /// The column's letters, e.g. `A` for 0 and `AB` for 27.
    static func letters(ofColumn index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}
