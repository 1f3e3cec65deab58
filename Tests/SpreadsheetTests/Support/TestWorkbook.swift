import Foundation
import ZIPFoundation

@testable import Spreadsheet

/// Writes small `.xlsx` files for tests, the way Excel/LibreOffice (shared strings) or openpyxl (inline strings) do.
///
/// Sheet parts get names that are not `sheetN.xml` and are listed in a different order than the tabs, so a
/// reader that guesses parts by file name fails the tests.
struct TestWorkbook {
    /// How text cells are stored.
    enum StringStyle { case shared, inline }

    /// The sheets: name and rows (`nil` leaves a cell empty).
    var sheets: [(name: String, rows: [[TestCell?]])]
    /// How text cells are stored.
    var strings: StringStyle = .shared
    /// Extra XML appended to each worksheet after `sheetData`, e.g. `<mergeCells>`.
    var worksheetTail = ""
    /// A sheet's row numbers start here (1 normally); gaps test readers that count rows themselves.
    var rowStride = 1

    /// The workbook as the bytes of an `.xlsx` file.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var shared: [String] = []
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        try add(
            "[Content_Types].xml",
            header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        try add(
            "_rels/.rels",
            header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
                + "</Relationships>")
        var sheetList = ""
        var relationships = ""
        for (index, sheet) in sheets.enumerated() {
            let part = "data_\(sheets.count - index).xml"
            sheetList += #"<sheet name="\#(escape(sheet.name))" sheetId="\#(index + 1)" r:id="rIdS\#(index)"/>"#
            relationships +=
                #"<Relationship Id="rIdS\#(index)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/\#(part)"/>"#
            var rowsXML = ""
            for (rowIndex, row) in sheet.rows.enumerated() {
                let number = 1 + rowIndex * rowStride
                var cellsXML = ""
                for (column, cell) in row.enumerated() {
                    guard let cell else { continue }
                    let reference = "\(CellReference.letters(ofColumn: column))\(number)"
                    switch cell {
                    case .text(let text):
                        if strings == .shared {
                            shared.append(text)
                            cellsXML += #"<c r="\#(reference)" t="s"><v>\#(shared.count - 1)</v></c>"#
                        } else {
                            cellsXML += #"<c r="\#(reference)" t="inlineStr"><is><t xml:space="preserve">\#(escape(text))</t></is></c>"#
                        }
                    case .number(let raw):
                        cellsXML += #"<c r="\#(reference)"><v>\#(raw)</v></c>"#
                    case .boolean(let value):
                        cellsXML += #"<c r="\#(reference)" t="b"><v>\#(value ? 1 : 0)</v></c>"#
                    case .formula(let formula, let cached):
                        cellsXML += #"<c r="\#(reference)" t="str"><f>\#(escape(formula))</f><v>\#(escape(cached))</v></c>"#
                    case .uncachedFormula(let formula):
                        cellsXML += #"<c r="\#(reference)"><f>\#(escape(formula))</f></c>"#
                    }
                }
                rowsXML += #"<row r="\#(number)">\#(cellsXML)</row>"#
            }
            try add(
                "xl/worksheets/\(part)",
                header + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                    + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
                    + "<sheetData>\(rowsXML)</sheetData>\(worksheetTail)</worksheet>")
        }
        if strings == .shared {
            let items = shared.map { #"<si><t xml:space="preserve">\#(escape($0))</t></si>"# }.joined()
            try add(
                "xl/strings.xml",
                header + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(shared.count)">"#
                    + items + "</sst>")
            relationships +=
                #"<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/strings.xml"/>"#
        }
        try add(
            "xl/workbook.xml",
            header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
                + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
                + sheetList + "</sheets></workbook>")
        try add(
            "xl/_rels/workbook.xml.rels",
            header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + relationships + "</Relationships>")
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
