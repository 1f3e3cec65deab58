import Foundation
import SwiftCSV
import SyncModel
import Testing

/// The exports of the fixture survey (`nachbarschaft-2026`), parsed back with real parsers.
@Suite("Response exports: CSV, JSON and GeoJSON")
struct ResponseExporterTests {
    static let anna = ReplicaID(high: 0xA, low: 1)
    static let trainer = ReplicaID(high: 0xF, low: 3)
    /// 2026-09-01 08:00:00 UTC.
    static let start: Int64 = 1_788_249_600_000

    static let tricky = "Er sagte: \"Zu laut\", leider.\nZweite Zeile – Grüße aus der Müllerstraße; ÄÖÜ ß"

    static func response(
        _ index: Int, owner: String = "anna", status: ResponseStatus = .final, survey: String = "nachbarschaft-2026",
        _ answers: [String: FieldValue]
    ) -> Record {
        var record = Record(
            id: UUID(uuidString: String(format: "20000000-0000-4000-8000-%012d", index))!,
            collection: RecordCollection.responses, cohort: "quartier", survey: survey, surveyVersion: 1, owner: owner)
        var all = answers
        all[ResponseField.status] = .string(status.rawValue)
        all[ResponseField.createdAt] = .integer(start + Int64(index) * 60_000)
        record.write(all, by: anna, at: Timestamp(millisecondsSince1970: start + Int64(index) * 60_000 + 5_000))
        return record
    }

    /// Four responses to export, one deleted, one of another survey, and one household.
    static func records() -> [Record] {
        let first = response(
            1,
            [
                "gefaellt": .string(tricky), "probleme": ["verkehr", "mieten"], "haushalt": 3, "zufriedenheit": 7.5,
                "standort": ["latitude": 51.34, "longitude": 12.37, "altitude": 110.0, "accuracy": 4.0],
                "wohndauer": "jahre_1_5",
            ])
        let second = response(2, owner: "ben", status: .draft, ["gefaellt": "Kurz, knapp", "haushalt": 1])
        var deleted = response(3, ["gefaellt": "weg"])
        deleted.delete(by: anna, at: Timestamp(millisecondsSince1970: start + 999_000))
        let other = response(4, survey: "andere-umfrage", ["gefaellt": "anders"])
        var door = Record(
            id: UUID(uuidString: "30000000-0000-4000-8000-000000000001")!, collection: RecordCollection.households,
            cohort: "quartier", owner: "import")
        door.write(["street": "Lindenstraße"], by: anna, at: Timestamp(millisecondsSince1970: start))
        let fifth = response(5, ["probleme": ["muell"], "gefaellt": "Der Park, \"natürlich\""])
        return [first, second, deleted, other, door, fifth]
    }

    @Test(arguments: [ExportFormat.csv, .json, .geojson])
    func erasedResponsesAndDoorsAreNotExported(format: ExportFormat) throws {
        let survey = try FixtureFiles.survey()
        var erased = Self.response(7, ["gefaellt": "Geheim 0171 5550199", "standort": ["latitude": 51.3, "longitude": 12.3]])
        erased.erase(Erasure(erasedBy: "tina", erasedAt: Timestamp(millisecondsSince1970: Self.start)), by: Self.trainer)
        let with = String(decoding: Self.export(format, Self.records() + [erased], survey: survey), as: UTF8.self)
        #expect(with == String(decoding: Self.export(format, Self.records(), survey: survey), as: UTF8.self))
        #expect(!with.contains("20000000-0000-4000-8000-000000000007"))
        var erasedDoor = Self.records()[4]
        #expect(HouseholdExporter().includes(erasedDoor))
        erasedDoor.erase(Erasure(erasedBy: "tina", erasedAt: Timestamp(millisecondsSince1970: Self.start)), by: Self.trainer)
        #expect(!HouseholdExporter().includes(erasedDoor))
    }

    static func export(_ format: ExportFormat, _ records: [Record], survey: SurveyDefinition) -> Data {
        var exporter = ResponseExporter(format: format, survey: survey)
        var data = exporter.header()
        for record in records { data.append(exporter.chunk(for: record)) }
        data.append(exporter.footer())
        return data
    }

    /// `value` after a trip through JSON, which writes a whole decimal such as 110.0 as 110.
    static func viaJSON<Value: Codable>(_ value: Value) throws -> Value {
        try JSONDecoder().decode(Value.self, from: JSONEncoder().encode(value))
    }

    @Test("CSV parsed back with SwiftCSV keeps quotes, commas, newlines and umlauts, one row per exported response")
    func csvRoundTrip() throws {
        let survey = try FixtureFiles.survey()
        let data = Self.export(.csv, Self.records(), survey: survey)
        let text = try #require(String(data: data, encoding: .utf8))
        let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        #expect(Array(csv.header.prefix(6)) == ["id", "participant", "created", "updated", "status", "household"])
        let column = { (name: String) throws -> Int in try #require(csv.header.firstIndex(of: name), "no column \(name)") }
        #expect(csv.rows.count == 3)
        let ids = try csv.rows.map { $0[try column("id")] }
        #expect(ids == ["20000000-0000-4000-8000-000000000001", "20000000-0000-4000-8000-000000000002", "20000000-0000-4000-8000-000000000005"])
        let first = csv.rows[0]
        #expect(first[try column("gefaellt")] == Self.tricky)
        #expect(first[try column("participant")] == "anna")
        #expect(first[try column("status")] == "final")
        #expect(first[try column("created")] == "2026-09-01T08:01:00Z")
        #expect(first[try column("updated")] == "2026-09-01T08:01:05Z")
        #expect(first[try column("zufriedenheit")] == "7.5")
        #expect(first[try column("standort")] == "51.34 12.37 110.0 4.0")
        #expect(csv.rows[2][try column("gefaellt")] == "Der Park, \"natürlich\"")
        #expect(csv.rows[1][try column("status")] == "draft")
        #expect(csv.rows[1][try column("participant")] == "ben")
    }

    @Test("select_multiple gives the raw list and one 0/1 column per choice, empty when unanswered")
    func selectMultipleColumns() throws {
        let survey = try FixtureFiles.survey()
        let text = String(decoding: Self.export(.csv, Self.records(), survey: survey), as: UTF8.self)
        let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        let raw = try #require(csv.header.firstIndex(of: "probleme"))
        let choices = ["verkehr", "muell", "mieten", "gruenflaechen", "treffpunkte", "sicherheit", "sonstiges"]
        #expect(Array(csv.header[(raw + 1)...(raw + choices.count)]) == choices.map { "probleme/" + $0 })
        let flags = csv.rows.map { Array($0[(raw + 1)...(raw + choices.count)]) }
        #expect(csv.rows.map { $0[raw] } == ["verkehr mieten", "", "muell"])
        #expect(flags[0] == ["1", "0", "1", "0", "0", "0", "0"])
        #expect(flags[1] == Array(repeating: "", count: choices.count))
        #expect(flags[2] == ["0", "1", "0", "0", "0", "0", "0"])
    }

    @Test("CSV lines end with CRLF and fields are quoted only when needed")
    func csvLineEnds() throws {
        let survey = try FixtureFiles.survey()
        let data = Self.export(.csv, Self.records(), survey: survey)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(text.utf8.starts(with: "id,participant,created,updated,status,household,".utf8))
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]), "no byte order mark")
        #expect(CSVEncoding.field("plain") == "plain")
        #expect(CSVEncoding.field("a,b") == "\"a,b\"")
        #expect(CSVEncoding.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVEncoding.field("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVEncoding.row(["a", "b c", ""]) == "a,b c,\r\n")
    }

    @Test(
        "a text a spreadsheet would run as a formula gets a leading apostrophe; numbers, phone numbers and geopoints stay",
        arguments: [
            ("=1+2", "'=1+2"), ("=HYPERLINK(\"http://example.org\";\"Klick\")", "\"'=HYPERLINK(\"\"http://example.org\"\";\"\"Klick\"\")\""),
            ("@SUM(A1)", "'@SUM(A1)"), ("+A1", "'+A1"), ("-2+3*cmd|' /C calc'!A0", "'-2+3*cmd|' /C calc'!A0"), ("\tx", "'\tx"),
            ("-", "'-"), ("-3", "-3"), ("+49 341 1234567", "+49 341 1234567"), ("-33.9 18.4 110 5", "-33.9 18.4 110 5"),
            ("7,5", "\"7,5\""), ("a=b", "a=b"), ("Ruhig, grün", "\"Ruhig, grün\""),
        ])
    func formulasAreDefused(text: String, field: String) {
        #expect(CSVEncoding.field(text) == field)
    }

    @Test("A field with an open conflict exports its shown value in every format")
    func conflictExportsShownValue() throws {
        let survey = try FixtureFiles.survey()
        let base = Self.response(7, ["gefaellt": "vorher"])
        var byAnna = base
        byAnna.write("gefaellt", "Annas Fassung", by: Self.anna, at: Timestamp(millisecondsSince1970: Self.start + 10_000_000))
        var byTrainer = base
        byTrainer.write("gefaellt", "Fassung der Trainerin", by: Self.trainer, at: Timestamp(millisecondsSince1970: Self.start + 10_000_001))
        let merged = try byAnna.merging(byTrainer)
        #expect(merged.hasConflicts)
        let shown = try #require(merged.value(of: "gefaellt")?.stringValue)
        let csv = try EnumeratedCSV(
            string: String(decoding: Self.export(.csv, [merged], survey: survey), as: UTF8.self), delimiter: .comma,
            loadColumns: false)
        #expect(csv.rows.first?[try #require(csv.header.firstIndex(of: "gefaellt"))] == shown)
        let json = try JSONDecoder().decode([ExportedResponse].self, from: Self.export(.json, [merged], survey: survey))
        #expect(json.first?.answers["gefaellt"] == .string(shown))
    }

    @Test("JSON is an array of the exported responses, for none, one and several")
    func jsonDecodes() throws {
        let survey = try FixtureFiles.survey()
        let records = Self.records()
        for count in [0, 1, records.count] {
            let data = Self.export(.json, Array(records.prefix(count)), survey: survey)
            let decoded = try JSONDecoder().decode([ExportedResponse].self, from: data)
            let expected = records.prefix(count).filter { $0.survey == survey.id && !$0.isDeleted && $0.collection == RecordCollection.responses }
            #expect(decoded == (try Self.viaJSON(expected.map(ExportedResponse.init(record:)))))
        }
        let first = try JSONDecoder().decode([ExportedResponse].self, from: Self.export(.json, records, survey: survey))[0]
        #expect(first.answers["probleme"] == ["verkehr", "mieten"])
        #expect(first.answers[ResponseField.status] == nil)
        #expect(first.status == "final")
        #expect(first.created == "2026-09-01T08:01:00Z")
    }

    @Test("GeoJSON places each response at its first valid geopoint, lon/lat order, and leaves out the rest")
    func geojsonFeatures() throws {
        let survey = try SurveyDefinition(
            id: "orte", version: 1, title: "Orte",
            questions: [
                try Question(name: "eingang", type: .geopoint, label: "Eingang"),
                try Question(name: "treffpunkt", type: .geopoint, label: "Treffpunkt"),
            ])
        let records = [
            Self.response(1, survey: "orte", ["eingang": ["latitude": 51.3, "longitude": 12.3], "treffpunkt": ["latitude": 1.0, "longitude": 2.0]]),
            Self.response(2, survey: "orte", ["treffpunkt": ["latitude": 51.5, "longitude": 12.5, "altitude": 90.0]]),
            Self.response(3, survey: "orte", ["eingang": ["latitude": 95.0, "longitude": 12.0]]),
            Self.response(4, survey: "orte", [:]),
        ]
        struct Collection: Decodable {
            var type: String
            var features: [GeoJSONFeature]
        }
        let collection = try JSONDecoder().decode(Collection.self, from: Self.export(.geojson, records, survey: survey))
        #expect(collection.type == "FeatureCollection")
        #expect(collection.features.map(\.id) == [records[0].id, records[1].id])
        #expect(collection.features.map(\.geometry.coordinates) == [[12.3, 51.3], [12.5, 51.5, 90.0]])
        #expect(collection.features.map(\.properties.geopoint) == ["eingang", "treffpunkt"])
        #expect(collection.features[0].properties.response == (try Self.viaJSON(ExportedResponse(record: records[0]))))
        let empty = try JSONDecoder().decode(Collection.self, from: Self.export(.geojson, [], survey: survey))
        #expect(empty.features.isEmpty)
    }

    @Test("A question named like a metadata column keeps its name; the metadata column gets a leading _")
    func metadataNameClash() throws {
        let survey = try SurveyDefinition(
            id: "s", version: 1, title: "S", questions: [try Question(name: "status", type: .text, label: "Status")])
        #expect(ResponseExporter(format: .csv, survey: survey).columns == ["id", "participant", "created", "updated", "_status", "household", "review", "status"])
    }

    @Test("File names keep only safe characters", arguments: [
        ("nachbarschaft-2026", ExportFormat.csv, "nachbarschaft-2026.csv"),
        ("a b/c\"d", .geojson, "a_b_c_d.geojson"),
        ("Umfrage_ä", .json, "Umfrage__.json"),
    ])
    func fileNames(survey: String, format: ExportFormat, expected: String) {
        #expect(format.fileName(survey: survey) == expected)
    }
}
