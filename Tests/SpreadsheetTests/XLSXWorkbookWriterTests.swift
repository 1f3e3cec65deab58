import Foundation
import Testing

@testable import Spreadsheet

/// The workbook writer's own rules: text escaping, date serials, sheet titles, several sheets.
@Suite("XLSX workbook writer")
struct XLSXWorkbookWriterTests {
    @Test(arguments: [
        ("a < b & c > \"d\"", "a &lt; b &amp; c &gt; &quot;d&quot;"),
        ("Zeile 1\nZeile 2\tTab", "Zeile 1\nZeile 2\tTab"),
        ("CR\r\nLF", "CR&#13;\nLF"),
        ("bell\u{7}", "bell_x0007_"),
        ("_x0041_ stays literal", "_x005F_x0041_ stays literal"),
        ("_x41_ and _xZZZZ_ need nothing", "_x41_ and _xZZZZ_ need nothing"),
        ("Grüße – ß 😀", "Grüße – ß 😀"),
    ])
    func escapesTextForXML(text: String, escaped: String) {
        #expect(XMLEscaping.escape(text) == escaped)
    }

    @Test(arguments: [
        (1900, 3, 1, 61), (1970, 1, 1, 25_569), (2000, 2, 29, 36_585), (2026, 11, 25, 46_351), (1899, 12, 31, 1),
    ])
    func datesBecomeSpreadsheetSerialDays(year: Int, month: Int, day: Int, serial: Int) {
        #expect(XLSXSheetWriter.serialDay(year: year, month: month, day: day) == serial)
    }

    @Test(arguments: [
        ("Responses", [], "Responses"), ("a/b:c?d*e[f]g\\h", [], "a_b_c_d_e_f_g_h"),
        ("Codebook", ["codebook"], "Codebook 2"), (String(repeating: "x", count: 40), [], String(repeating: "x", count: 31)),
        ("", [], "Sheet"),
    ] as [(String, [String], String)])
    func sheetTitlesAreValidAndUnique(name: String, taken: [String], title: String) {
        #expect(XLSXWorkbookWriter.sheetTitle(name, taken: taken) == title)
    }

    @Test("control characters and escape look-alikes survive a round trip through LibreOffice")
    func awkwardTextThroughLibreOffice() throws {
        guard SpreadsheetSoftware.available(SpreadsheetSoftware.soffice, name: "LibreOffice", install: "apt-get install libreoffice-calc-nogui")
        else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("awkward.xlsx")
        let writer = try XLSXWorkbookWriter(creating: url)
        let texts = ["_x0041_", "a < b & c", "  leading", "=1+1", "Zeile 1\nZeile 2"]
        let sheet = try writer.beginSheet(named: "Texte")
        for text in texts { try sheet.append([.text(text), .number(-0.25), .date(year: 2024, month: 2, day: 29)]) }
        try writer.finish()
        let shown = try #require(try SpreadsheetSoftware.sheetsAsShown(url)["Texte"])
        #expect(shown == texts.map { [$0, "-0.25", "2024-02-29"] })
    }
}
