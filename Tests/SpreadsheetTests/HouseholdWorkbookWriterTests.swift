import Foundation
import Spreadsheet
import SyncModel
import Testing

/// The door list as XLSX, opened by LibreOffice.
@Suite("Household workbook")
struct HouseholdWorkbookWriterTests {
    @Test(
        "every door with its status, visitor, last change and interviews, headed in the reader's language; deleted doors left out",
        arguments: [
            (
                Language.german, "Türen",
                [
                    "id", "Straße", "Hausnummer", "PLZ", "Ort", "Hinweis", "Stand", "besucht von", "Besuchsnotiz", "letzter Besuch",
                    "Besuche", "geändert", "Befragungen",
                ],
                "befragt", "noch nicht besucht"
            ),
            (
                Language.english, "Doors",
                [
                    "id", "street", "house number", "postcode", "city", "note", "status", "visited by", "visit note", "last visit",
                    "visits", "updated", "interviews",
                ],
                "interviewed", "not visited"
            ),
        ])
    func doorsWithStatusAndInterviews(
        interface: Language, sheet: String, headings: [String], interviewed: String, notVisited: String
    ) throws {
        guard SpreadsheetSoftware.available(SpreadsheetSoftware.soffice, name: "LibreOffice", install: "apt-get install libreoffice-calc-nogui")
        else { return }
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(at: folder) }
        let linden = SampleResponses.door(1, street: "Lindenstraße", number: "12a", outcome: "interviewed", visitedBy: "Jürgen")
        let garten = SampleResponses.door(2, street: "Gartenweg", number: "3")
        var gone = SampleResponses.door(3, street: "Weg", number: "1")
        gone.delete(by: SampleResponses.writer, at: Timestamp(millisecondsSince1970: SampleResponses.start + 60_000))
        var exporter = HouseholdExporter()
        for index in 1...2 { exporter.count(SampleResponses.response(index, household: linden.id, ["haushalt": 1])) }
        let url = folder.appendingPathComponent("tueren.xlsx")
        let workbook = try HouseholdWorkbookWriter(creating: url, interface: interface)
        for door in [linden, garten, gone] { try workbook.append(door, exporter: exporter) }
        try workbook.finish()
        #expect(workbook.count == 2)
        let shown = try #require(try SpreadsheetSoftware.sheetsAsShown(url)[sheet])
        #expect(shown == [
            headings,
            [linden.id.uuidString.lowercased(), "Lindenstraße", "12a", "04109", "", "", interviewed, "Jürgen", "",
             "2026-09-01 08:00:01", "1", "2026-09-01 08:00:01", "2"],
            [garten.id.uuidString.lowercased(), "Gartenweg", "3", "04109", "", "", notVisited, "", "", "", "0",
             "2026-09-01 08:00:02", "0"],
        ])
    }
}
