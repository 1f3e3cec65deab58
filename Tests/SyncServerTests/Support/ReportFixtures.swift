import Foundation
import SyncModel

@testable import SyncServer

/// A cohort with every question type, doors, drafts, a deletion and an open conflict, written
/// straight into a store, for the report, export and dashboard tests.
enum ReportFixtures {
    /// The survey: numbers, choices, several choices, text and a location.
    static let surveyJSON = """
        {"id":"befragung","version":1,"title":"Befragung im Kiez","questions":[
          {"name":"wohndauer","type":"integer","label":"Wie viele Jahre wohnen Sie hier?","min":0,"max":100},
          {"name":"probleme","type":"select_multiple","label":"Größte Probleme","choices":[
            {"name":"verkehr","label":"Verkehr und Lärm"},{"name":"muell","label":"Müll"},{"name":"mieten","label":"Hohe Mieten"}]},
          {"name":"zufrieden","type":"select_one","label":"Sind Sie zufrieden?","choices":[
            {"name":"ja","label":"Ja"},{"name":"nein","label":"Nein"}]},
          {"name":"bemerkung","type":"text","label":"Bemerkung"},
          {"name":"standort","type":"geopoint","label":"Standort"}
        ]}
        """

    /// An answer with every character that CSV must protect.
    static let tricky = "Er sagte: \"Zu laut\", leider.\nZweite Zeile – Grüße aus der Müllerstraße; ÄÖÜ ß"

    /// Ayşe's laptop.
    static let ayse = ReplicaID(high: 0xA, low: 1)
    /// Jonas's laptop.
    static let jonas = ReplicaID(high: 0xB, low: 2)
    /// The trainer's laptop.
    static let trainer = ReplicaID(high: 0xF, low: 3)
    /// 2026-11-29 01:00 UTC.
    static let day: Int64 = 1_795_914_000_000

    /// Creates the cohort, publishes the survey, imports the doors and writes the responses;
    /// `bulk` adds that many small final responses by Jonas, to span several feed pages.
    static func seed(_ store: any RecordStore, cohort: String, bulk: Int = 0) async throws -> [SyncModel.Record] {
        let environment = ServerEnvironment(clock: TestClock(), random: SeededRandomSource(seed: 11), logger: .quiet)
        let administration = CohortAdministration(store: store, environment: environment)
        _ = try await store.createCohort(named: cohort, at: environment.clock.now())
        _ = try await administration.publishSurvey(Data(surveyJSON.utf8), cohort: cohort)
        _ = try await administration.importHouseholds(csv: TestFixtures.householdsCSV, cohort: cohort)
        let first = CohortAdministration.householdID(cohort: cohort, rowID: "h-001")
        let second = CohortAdministration.householdID(cohort: cohort, rowID: "h-002")
        var records = [
            response(1, cohort: cohort, owner: "Ayşe K.", replica: ayse, household: first, [
                "wohndauer": 12, "probleme": ["verkehr", "mieten"], "zufrieden": "ja", "bemerkung": .string(tricky),
                "standort": ["latitude": 52.5446, "longitude": 13.3524, "altitude": 40.0],
            ]),
            response(2, cohort: cohort, owner: "Jonas B.", replica: jonas, household: second, hours: 26, [
                "wohndauer": 3, "probleme": ["muell"], "zufrieden": "nein", "bemerkung": "Ökologisch, sozial; \"gut\"",
            ]),
            response(3, cohort: cohort, owner: "Ayşe K.", replica: ayse, status: .draft, hours: 27, ["wohndauer": 1]),
        ]
        var deleted = response(4, cohort: cohort, owner: "Jonas B.", replica: jonas, hours: 28, ["wohndauer": 40])
        deleted.delete(by: jonas, at: Timestamp(millisecondsSince1970: day + 29 * 3_600_000))
        records.append(deleted)
        let base = response(5, cohort: cohort, owner: "Ayşe K.", replica: ayse, hours: 2, [
            "wohndauer": 7, "probleme": ["verkehr"], "bemerkung": "vorher",
        ])
        var byAyse = base
        byAyse.write("bemerkung", "Ayşes Fassung", by: ayse, at: Timestamp(millisecondsSince1970: day + 30 * 3_600_000))
        var byTrainer = base
        byTrainer.write("bemerkung", "Fassung der Trainerin", by: trainer, at: Timestamp(millisecondsSince1970: day + 30 * 3_600_000 + 1))
        records.append(try byAyse.merging(byTrainer))
        for index in 0..<bulk {
            records.append(response(100 + index, cohort: cohort, owner: "Jonas B.", replica: jonas, hours: 50, [
                "wohndauer": .integer(Int64(index % 30)), "probleme": index.isMultiple(of: 3) ? ["muell"] : [],
            ]))
        }
        // Merged with the imported door when stored below, as a device's visit would be.
        var door = SyncModel.Record(
            id: first, collection: RecordCollection.households, cohort: cohort,
            owner: CohortAdministration.householdOwner)
        door.write(["outcome": "interviewed", "visitedBy": "Ayşe K."], by: ayse, at: Timestamp(millisecondsSince1970: day))
        records.append(door)
        // Stored as a push stores them: decoded from the wire JSON, where a whole altitude 40.0 is 40.
        records = try records.map { try FastJSON.decode(SyncModel.Record.self, from: FastJSON.encode($0)) }
        for start in stride(from: 0, to: records.count, by: 1000) {
            let part = Array(records[start..<min(start + 1000, records.count)])
            _ = try await store.commitBatch(ids: part.map(\.id), requestEpoch: nil, at: environment.clock.now()) { snapshot in
                BatchPlan(
                    results: [],
                    writes: try part.map { record in try snapshot.existing[record.id].map { try $0.merging(record) } ?? record },
                    relays: [])
            }
        }
        return records
    }

    /// A response to version 1 of `survey`, written once.
    static func response(
        _ index: Int, cohort: String, owner: String, replica: ReplicaID, status: ResponseStatus = .final,
        household: UUID? = nil, hours: Int64 = 0, survey: String = "befragung", _ answers: [String: FieldValue]
    ) -> SyncModel.Record {
        var record = SyncModel.Record(
            id: UUID(uuidString: String(format: "40000000-0000-4000-8000-%012d", index))!,
            collection: RecordCollection.responses, cohort: cohort, survey: survey, surveyVersion: 1, owner: owner)
        var all = answers
        all[ResponseField.status] = .string(status.rawValue)
        all[ResponseField.createdAt] = .integer(day + hours * 3_600_000)
        if let household { all[ResponseField.household] = .string(household.uuidString) }
        record.write(all, by: replica, at: Timestamp(millisecondsSince1970: day + hours * 3_600_000 + 1000))
        return record
    }
}
