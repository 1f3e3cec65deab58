import Foundation

/// Writes the rows of one worksheet to a private spool file, so that a sheet of any length takes
/// bounded memory; ``XLSXWorkbookWriter`` then streams the file into the workbook.
public final class XLSXSheetWriter {
    /// The sheet's name as the spreadsheet shows it on its tab.
    public let name: String
    /// How many rows were appended.
    public private(set) var rowCount = 0

    let spoolURL: URL
    private let handle: FileHandle
    private var buffer = Data()
    private var columnNames: [String] = []
    private(set) var isClosed = false

    private static let flushSize = 1 << 16

    init(name: String, columns: [XLSXColumn], frozenRows: Int, spoolURL: URL) throws {
        self.name = name
        self.spoolURL = spoolURL
        guard FileManager.default.createFile(atPath: spoolURL.path, contents: nil, attributes: [.posixPermissions: 0o600])
        else {
            throw XLSXWriterError("Cannot create the temporary file \(spoolURL.path). Check free space and permissions.")
        }
        handle = try FileHandle(forWritingTo: spoolURL)
        var head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if frozenRows > 0 {
            head += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(frozenRows)" topLeftCell="A\#(frozenRows + 1)" "#
                + #"activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>"#
        }
        if !columns.isEmpty {
            head += "<cols>"
            for (index, column) in columns.enumerated() {
                head += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(column.width)" customWidth="1"/>"#
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        buffer.append(contentsOf: head.utf8)
    }

    /// Appends one row; `.empty` cells are left out.
    public func append(_ row: [XLSXValue]) throws {
        guard !isClosed else { throw XLSXWriterError("The sheet '\(name)' is already finished; rows cannot be added.") }
        rowCount += 1
        var xml = "<row r=\"\(rowCount)\">"
        for (index, value) in row.enumerated() {
            let reference = columnName(index) + String(rowCount)
            switch value {
            case .empty:
                continue
            case .text(let text):
                xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    + XMLEscaping.escape(text) + "</t></is></c>"
            case .heading(let text):
                xml += "<c r=\"\(reference)\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    + XMLEscaping.escape(text) + "</t></is></c>"
            case .number(let number):
                guard number.isFinite else { continue }
                xml += "<c r=\"\(reference)\"><v>\(XLSXSheetWriter.format(number))</v></c>"
            case .date(let year, let month, let day):
                let serial = XLSXSheetWriter.serialDay(year: year, month: month, day: day)
                xml += "<c r=\"\(reference)\" s=\"2\"><v>\(serial)</v></c>"
            case .dateTime(let seconds):
                let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
                let serial = Double(days + 25_569) + Double(seconds - days * 86_400) / 86_400
                xml += "<c r=\"\(reference)\" s=\"3\"><v>\(XLSXSheetWriter.format(serial))</v></c>"
            }
        }
        xml += "</row>"
        buffer.append(contentsOf: xml.utf8)
        if buffer.count >= XLSXSheetWriter.flushSize { try flush() }
    }

    /// Ends the sheet's XML and closes the spool file; returns its size in bytes.
    func close() throws -> Int64 {
        guard !isClosed else { return Int64(try FileManager.default.attributesOfItem(atPath: spoolURL.path)[.size] as? Int ?? 0) }
        buffer.append(contentsOf: "</sheetData></worksheet>".utf8)
        try flush()
        isClosed = true
        let size = try handle.offset()
        try handle.close()
        return Int64(size)
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// `A`, …, `Z`, `AA`, …: the letters of column `index` (0-based), cached.
    private func columnName(_ index: Int) -> String {
        while columnNames.count <= index {
            var number = columnNames.count + 1
            var letters = ""
            while number > 0 {
                let remainder = (number - 1) % 26
                letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
                number = (number - 1) / 26
            }
            columnNames.append(letters)
        }
        return columnNames[index]
    }

    /// A number as an XML value: whole numbers without a fraction, others in full precision.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    /// The spreadsheet serial number of a date: days since 1899-12-30 (the 1900 date system).
    static func serialDay(year: Int, month: Int, day: Int) -> Int {
        // Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + 25_569
    }
}
