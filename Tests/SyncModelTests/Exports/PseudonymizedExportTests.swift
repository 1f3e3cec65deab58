import Foundation
import SwiftCSV
import SyncModel
import Testing

/// A pseudonymized export of the fixture survey: no personal question, no interviewer's name.
@Suite("Pseudonymized response exports")
struct PseudonymizedExportTests {
    static let pseudonyms = ExportPseudonymization.make(pseudonyms: ["anna": "P-AAAAAA", "ben": "P-BBBBBB"])

    static func records() -> [Record] {
        var records = ResponseExporterTests.records()
        records.append(
            ResponseExporterTests.response(
                6, owner: "ben",
                [
                    "kontakt": "0176 5551234", "mitmachen": "ja", "gefaellt": "Der Spielplatz",
                    "standort": ["latitude": 51.3, "longitude": 12.3],
                ]))
        return records
    }

    static func export(_ format: ExportFormat) throws -> String {
        var exporter = ResponseExporter(format: format, survey: try FixtureFiles.survey(), pseudonymization: pseudonyms)
        var data = exporter.header()
        for record in records() { data.append(exporter.chunk(for: record)) }
        data.append(exporter.footer())
        return String(decoding: data, as: UTF8.self)
    }

    @Test("CSV has no kontakt column and pseudonyms in the participant column")
    func csv() throws {
        let csv = try EnumeratedCSV(string: try Self.export(.csv), delimiter: .comma, loadColumns: false)
        #expect(!csv.header.contains("kontakt"))
        #expect(csv.header.contains("gefaellt"), "other questions stay")
        let participants = Set(csv.rows.map { $0[1] })
        #expect(participants == ["P-AAAAAA", "P-BBBBBB"])
        #expect(!(try Self.export(.csv)).contains("0176 5551234"))
    }

    @Test("JSON and GeoJSON carry neither the contact detail nor a name", arguments: [ExportFormat.json, .geojson])
    func jsonAndGeoJSON(format: ExportFormat) throws {
        let text = try Self.export(format)
        for forbidden in ["0176 5551234", "\"anna\"", "\"ben\"", "kontakt"] {
            #expect(!text.contains(forbidden), "\(format) contains \(forbidden)")
        }
        #expect(text.contains("P-BBBBBB"))
    }

    @Test("The full export keeps names and the personal answer")
    func fullExportUnchanged() throws {
        var exporter = ResponseExporter(format: .json, survey: try FixtureFiles.survey())
        let data = exporter.chunk(for: Self.records().last!)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("0176 5551234"))
        #expect(text.contains("\"participant\":\"ben\""))
    }
}
