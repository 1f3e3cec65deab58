import Foundation
import SyncModel

/// Surveys, CSV files and records the tests share.
enum TestFixtures {
    /// A small canonical survey: a required integer 0…100 and an optional select_one.
    static let surveyJSON = """
        {"id":"nachbarschaft","version":1,"title":"Nachbarschaftsbefragung","questions":[
          {"name":"wohndauer","type":"integer","label":"Wie viele Jahre wohnen Sie hier?","required":true,"min":0,"max":100},
          {"name":"zufrieden","type":"select_one","label":"Sind Sie zufrieden?","choices":[
            {"name":"ja","label":"Ja"},{"name":"nein","label":"Nein"}]}
        ]}
        """

    /// The same survey as version 2.
    static let surveyV2JSON = surveyJSON.replacingOccurrences(of: "\"version\":1", with: "\"version\":2")

    /// The door list of two houses.
    static let householdsCSV = """
        id,street,house_number,postcode,note
        h-001,Müllerstraße,12,13353,
        h-002,"Seestraße, Hinterhaus",7a,13353,Klingel defekt
        """

    /// A new response owned by `owner`, written once by `replica`.
    static func response(
        id: UUID = UUID(), cohort: String, owner: String, replica: ReplicaID, answers: [String: FieldValue],
        survey: String = "nachbarschaft", version: Int = 1, at time: Int64 = 1_795_600_000_000
    ) -> Record {
        var record = Record(
            id: id, collection: RecordCollection.responses, cohort: cohort, survey: survey, surveyVersion: version,
            owner: owner)
        record.write(answers, by: replica, at: Timestamp(millisecondsSince1970: time))
        return record
    }

    /// A new household record written once by `replica`.
    static func household(
        id: UUID = UUID(), cohort: String, owner: String, replica: ReplicaID, fields: [String: FieldValue]
    ) -> Record {
        var record = Record(id: id, collection: RecordCollection.households, cohort: cohort, owner: owner)
        record.write(fields, by: replica, at: Timestamp(millisecondsSince1970: 1_795_600_000_000))
        return record
    }
}
