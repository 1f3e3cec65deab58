import Foundation
import SyncModel

/// Writes the door list as an XLSX workbook: one sheet, `Doors`, with a frozen header row of the
/// ``HouseholdExporter`` column names and one row per door that is not deleted.
public final class HouseholdWorkbookWriter {
    /// How many doors were written.
    public private(set) var count = 0

    private let workbook: XLSXWorkbookWriter
    private let sheet: XLSXSheetWriter

    /// Creates the workbook at `url` (which must not exist) and writes the header row.
    public init(creating url: URL) throws {
        workbook = try XLSXWorkbookWriter(creating: url)
        let widths: [Double] = [38, 24, 12, 10, 24, 14, 14, 30, 20, 11]
        sheet = try workbook.beginSheet(
            named: "Doors", columns: widths.map(XLSXColumn.init(width:)), frozenRows: 1)
        try sheet.append(HouseholdExporter.columns.map(XLSXValue.heading))
    }

    /// Writes one door when `exporter` includes it.
    public func append(_ door: Record, exporter: HouseholdExporter) throws {
        guard exporter.includes(door) else { return }
        try sheet.append(exporter.cells(for: door).map(XLSXValue.init))
        count += 1
    }

    /// Completes the file.
    public func finish() throws {
        try workbook.finish()
    }
}
