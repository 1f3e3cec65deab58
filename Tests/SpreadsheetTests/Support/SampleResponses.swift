import Foundation
import SyncModel

/// Responses to the fixture survey with the text a spreadsheet finds hardest.
enum SampleResponses {
    static let writer = ReplicaID(high: 0xA, low: 1)
    /// 2026-09-01 08:00:00 UTC.
    static let start: Int64 = 1_788_249_600_000
    /// Quotes, commas, a line break, umlauts, ß and a dash.
    static let tricky = "Er sagte: \"Zu laut\", leider.\nZweite Zeile – Grüße aus der Müllerstraße; ÄÖÜ ß"

    /// The fixture survey `Fixtures/nachbarschaftsbefragung.yaml`.
    static func survey() throws -> SurveyDefinition {
        try SurveyDefinition.parse(
            Data(contentsOf: SpreadsheetSoftware.root.appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml")))
    }

    /// One response; `index` gives its id and times.
    static func response(
        _ index: Int, owner: String = "anna", status: ResponseStatus = .final, survey: String = "nachbarschaft-2026",
        household: UUID? = nil, _ answers: [String: FieldValue]
    ) -> Record {
        var record = Record(
            id: UUID(uuidString: String(format: "20000000-0000-4000-8000-%012d", index))!,
            collection: RecordCollection.responses, cohort: "quartier", survey: survey, surveyVersion: 1, owner: owner)
        var all = answers
        all[ResponseField.status] = .string(status.rawValue)
        all[ResponseField.createdAt] = .integer(start + Int64(index) * 60_000)
        if let household { all[ResponseField.household] = .string(household.uuidString.lowercased()) }
        record.write(all, by: writer, at: Timestamp(millisecondsSince1970: start + Int64(index) * 60_000 + 5_000))
        return record
    }

    /// A door of the door list.
    static func door(_ index: Int, street: String, number: String, outcome: String? = nil, visitedBy: String? = nil) -> Record {
        var door = Record(
            id: UUID(uuidString: String(format: "30000000-0000-4000-8000-%012d", index))!,
            collection: RecordCollection.households, cohort: "quartier", owner: "import")
        var values: [String: FieldValue] = ["street": .string(street), "houseNumber": .string(number), "postcode": "04109"]
        if let outcome { values[HouseholdField.outcome] = .string(outcome) }
        if let visitedBy { values[HouseholdField.visitedBy] = .string(visitedBy) }
        door.write(values, by: writer, at: Timestamp(millisecondsSince1970: start + Int64(index) * 1_000))
        return door
    }

    /// Responses to export plus records the export leaves out (deleted, other survey, a door).
    static func records() -> [Record] {
        let first = response(
            1, household: door(1, street: "Lindenstraße", number: "12a").id,
            [
                "datum": "2026-11-25", "gefaellt": .string(tricky), "probleme": ["verkehr", "mieten"], "haushalt": 3,
                "kinder": 1, "zufriedenheit": 7.5, "alter": 67,
                "standort": ["latitude": 51.34, "longitude": 12.37, "altitude": 110.0, "accuracy": 4.0],
                "wohndauer": "jahre_1_5", "mitmachen": "ja", "kontakt": "=HYPERLINK(\"x\") <b>&amp;</b>",
            ])
        let second = response(2, owner: "ben", status: .draft, ["gefaellt": "Kurz, knapp", "haushalt": 1])
        var deleted = response(3, ["gefaellt": "weg"])
        deleted.delete(by: writer, at: Timestamp(millisecondsSince1970: start + 999_000))
        let other = response(4, survey: "andere-umfrage", ["gefaellt": "anders"])
        let fifth = response(
            5, owner: "Jürgen Groß",
            [
                "probleme": ["muell", "sonstiges"], "probleme_sonstiges": "Zu wenig Bänke\nund Bäume",
                "gefaellt": "Der Park, \"natürlich\"", "zufriedenheit": 10, "datum": "2026-02-28",
                "anmerkungen": "  führende Leerzeichen",
            ])
        return [first, second, deleted, other, door(1, street: "Lindenstraße", number: "12a"), fifth]
    }
}
