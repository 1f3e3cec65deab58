import Foundation
import SyncModel

/// Writes the door list as an XLSX workbook: one sheet (`Türen`, `Doors`), with a frozen header
/// row of the ``HouseholdExporter`` columns headed in the reader's language and one row per door
/// that is not deleted. The headings of the address columns are those `households import` reads,
/// so the workbook can be imported again.
public final class HouseholdWorkbookWriter {
    /// How many doors were written.
    public private(set) var count = 0

    private let workbook: XLSXWorkbookWriter
    private let sheet: XLSXSheetWriter
    private let catalog: MessageCatalog

    /// Creates the workbook at `url` (which must not exist) and writes the header row, with the
    /// sheet's name, the headings and the statuses in `interface`, the reader's language.
    public init(creating url: URL, interface: Language) throws {
        catalog = interface.catalog
        workbook = try XLSXWorkbookWriter(creating: url)
        let widths: [Double] = [38, 24, 12, 10, 16, 24, 20, 14, 30, 20, 9, 20, 12]
        assert(widths.count == HouseholdExporter.columns.count, "a door column without its width")
        sheet = try workbook.beginSheet(
            named: catalog.text("workbook.sheet.doors"), columns: widths.map(XLSXColumn.init(width:)), frozenRows: 1)
        try sheet.append(HouseholdExporter.headings(catalog: catalog).map(XLSXValue.heading))
    }

    /// Writes one door when `exporter` includes it.
    public func append(_ door: Record, exporter: HouseholdExporter) throws {
        guard exporter.includes(door) else { return }
        try sheet.append(exporter.cells(for: door, catalog: catalog).map(XLSXValue.init))
        count += 1
    }

    /// Completes the file.
    public func finish() throws {
        try workbook.finish()
    }
}
