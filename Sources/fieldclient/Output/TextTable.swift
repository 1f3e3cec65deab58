/// Columns padded to their widest cell, with a header row: how `list` and `households` print.
enum TextTable {
    /// The header and rows, columns separated by two spaces, trailing spaces trimmed.
    static func render(header: [String], rows: [[String]]) -> String {
        lines(header: header, rows: rows).joined(separator: "\n")
    }

    /// The lines of ``render(header:rows:)``, each made only when it is read, so that a long table
    /// can be printed line by line instead of being held a second time as one text.
    static func lines(header: [String], rows: [[String]]) -> LazyMapSequence<[[String]], String> {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        return ([header] + rows).lazy.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                line += cell
                if column < row.count - 1 {
                    let width = column < widths.count ? widths[column] : 0
                    line += String(repeating: " ", count: width - cell.count + 2)
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
