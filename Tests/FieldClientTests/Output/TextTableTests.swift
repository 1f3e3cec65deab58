import Testing

@testable import fieldclient

/// How `list` and `households` lay out their tables.
@Suite("Text table")
struct TextTableTests {
    @Test("Columns are padded to their widest cell with two spaces between; trailing spaces are trimmed")
    func columnsArePaddedToTheWidestCell() {
        let text = TextTable.render(
            header: ["ID", "Umfrage", "Status"],
            rows: [["3f2a", "nachbarschaft", "abgeschlossen"], ["9c01b7", "kurz", ""]])
        #expect(
            text == """
                ID      Umfrage        Status
                3f2a    nachbarschaft  abgeschlossen
                9c01b7  kurz
                """)
    }

    @Test("The lines, read one by one, are the rendered text's lines (umlauts counted as one column each)")
    func linesAreTheRenderedText() {
        let header = ["Straße", "Nr."]
        let rows = [["Lindenstraße", "10a"], ["Am Öhrchen", "2"], ["Weg", "12"]]
        #expect(Array(TextTable.lines(header: header, rows: rows)) == TextTable.render(header: header, rows: rows)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        #expect(Array(TextTable.lines(header: header, rows: rows))[2] == "Am Öhrchen    2")
    }
}
