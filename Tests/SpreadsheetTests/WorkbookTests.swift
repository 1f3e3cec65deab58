import Foundation
import Spreadsheet
import Testing

@Suite("Workbook")
struct WorkbookTests {
    @Test("reads text stored as shared strings, inline strings and cached formula results", arguments: [
        TestWorkbook.StringStyle.shared, .inline,
    ])
    func readsEveryTextStorage(style: TestWorkbook.StringStyle) throws {
        let data = try TestWorkbook(
            sheets: [("Daten", [["Straße", "Nr"], ["Lindenstraße", .formula("=\"12\"&\"a\"", cached: "12a")]])],
            strings: style
        ).data()
        let rows = try Workbook(data: data).rows(ofSheet: "Daten")
        #expect(rows.map(\.number) == [1, 2])
        #expect(rows[0].cells == [0: .text("Straße"), 1: .text("Nr")])
        #expect(rows[1].cells == [0: .text("Lindenstraße"), 1: .text("12a")])
    }

    @Test("finds sheets through the workbook's relationships, in tab order, whatever the parts are called")
    func findsSheetsThroughRelationships() throws {
        let data = try TestWorkbook(sheets: [("survey", [["a"]]), ("choices", [["b"]]), ("settings", [["c"]])]).data()
        let workbook = try Workbook(data: data)
        #expect(workbook.sheetNames == ["survey", "choices", "settings"])
        #expect(try workbook.rows(ofSheet: "choices").first?.cells[0] == .text("b"))
        #expect(try workbook.rows(ofSheet: "settings").first?.cells[0] == .text("c"))
        #expect(workbook.sheetName(matching: "SETTINGS") == "settings")
    }

    @Test("gives numbers, booleans and dates typed as numbers as a spreadsheet shows them")
    func formatsNumbersAndBooleans() throws {
        let data = try TestWorkbook(
            sheets: [("s", [[.number("2026112501"), .number("2.026112501E9"), .number("7.5"), .boolean(true), .number("46357")]])]
        ).data()
        let row = try #require(try Workbook(data: data).rows(ofSheet: "s").first)
        #expect((0..<5).map { row.text(at: $0) } == ["2026112501", "2026112501", "7.5", "true", "46357"])
    }

    @Test("keeps the row numbers of rows after gaps and leaves out formulas without a cached result")
    func keepsRowNumbers() throws {
        var workbook = TestWorkbook(sheets: [("s", [["a"], ["b", .uncachedFormula("=A1")], [.uncachedFormula("=1")]])])
        workbook.rowStride = 3
        let rows = try Workbook(data: workbook.data()).rows(ofSheet: "s")
        #expect(rows.map(\.number) == [1, 4])
        #expect(rows[1].cells == [0: .text("b")])
    }

    @Test("reads 100,000 rows, more than the XML parser takes at once, in order and complete", arguments: [
        TestWorkbook.StringStyle.shared, .inline,
    ])
    func readsLargeSheets(style: TestWorkbook.StringStyle) throws {
        let rows: [[TestCell?]] = (1...100_000).map { [.text("Lindenstraße"), .text("\($0)a"), .number("4177")] }
        let data = try TestWorkbook(sheets: [("Türen", rows)], strings: style).data()
        let read = try Workbook(data: data).rows(ofSheet: "Türen")
        #expect(read.count == 100_000)
        #expect(read.map(\.number) == Array(1...100_000))
        #expect(read.allSatisfy { $0.text(at: 0) == "Lindenstraße" && $0.text(at: 1) == "\($0.number)a" })
    }

    @Test("reads sheets with merged cells: the value sits in the first cell, the others are empty")
    func readsMergedCells() throws {
        var workbook = TestWorkbook(sheets: [("s", [["Kopf", nil, nil], ["x", "y", "z"]])])
        workbook.worksheetTail = #"<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>"#
        let rows = try Workbook(data: workbook.data()).rows(ofSheet: "s")
        #expect(rows[0].cells == [0: .text("Kopf")])
        #expect(rows[1].text(at: 2) == "z")
    }

    @Test("refuses what is not a workbook with a message that says what to do", arguments: [
        ("not a zip", Data("type,name,label\ntext,a,A\n".utf8)),
        ("empty", Data()),
        ("truncated zip", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00])),
    ])
    func refusesNonWorkbooks(name: String, data: Data) {
        #expect(throws: WorkbookError.self) { try Workbook(data: data) }
        do {
            _ = try Workbook(data: data)
        } catch {
            #expect(error.message.contains("Excel 2007-365 (.xlsx)"), "\(name): \(error.message)")
        }
    }

    @Test("refuses a workbook cut off in the middle instead of crashing")
    func refusesTruncatedWorkbook() throws {
        let data = try TestWorkbook(sheets: [("s", (0..<200).map { [.text("Zeile \($0)"), .number(String($0))] })]).data()
        for length in stride(from: 0, to: data.count, by: max(1, data.count / 40)) {
            let cut = data.prefix(length)
            do {
                let workbook = try Workbook(data: cut)
                for name in workbook.sheetNames { _ = try workbook.rows(ofSheet: name) }
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test("refuses damaged XML in a sheet with the part it is in")
    func refusesDamagedXML() throws {
        var workbook = TestWorkbook(sheets: [("s", [["a"]])])
        workbook.worksheetTail = "<unclosed>"
        let opened = try Workbook(data: workbook.data())
        #expect(throws: WorkbookError.self) { try opened.rows(ofSheet: "s") }
        do {
            _ = try opened.rows(ofSheet: "s")
        } catch {
            #expect(error.message.contains("xl/worksheets/data_1.xml"))
        }
    }
}
