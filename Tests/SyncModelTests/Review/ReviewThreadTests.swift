import Foundation
import SyncModel
import Testing

/// The review thread of a response and its derived state.
@Suite("ReviewThread")
struct ReviewThreadTests {
    static let tina = ReplicaID(high: 0, low: 3)
    static let anna = ReplicaID(high: 0, low: 1)

    static func write(_ record: inout Record, _ id: String, _ kind: ReviewKind, by name: String, replica: ReplicaID, at ms: Int64) {
        let message = ReviewMessage(
            id: id, at: Timestamp(millisecondsSince1970: ms), by: name, role: name == "tina" ? "trainer" : "participant", kind: kind,
            text: kind == .ask ? "Haushaltsgröße fehlt" : "")
        record.write(ReviewField.message(id), message.fieldValue, by: replica, at: message.at)
    }

    @Test(
        "the state follows the messages in time order",
        arguments: [
            ([ReviewKind](), ReviewState.none),
            ([.ok], .reviewed),
            ([.ask], .questionOpen),
            ([.ask, .reply], .answered),
            ([.ask, .reply, .close], .closed),
            ([.ask, .reply, .ask], .questionOpen),
            ([.close, .ask], .questionOpen),
        ])
    func states(kinds: [ReviewKind], expected: ReviewState) {
        var response = Record(id: UUID(), collection: RecordCollection.responses, cohort: "kurs", survey: "s", surveyVersion: 1, owner: "anna")
        for (index, kind) in kinds.enumerated() {
            Self.write(&response, "m\(index)", kind, by: kind == .reply ? "anna" : "tina", replica: kind == .reply ? Self.anna : Self.tina, at: Int64(10 + index))
        }
        let thread = ReviewThread(response)
        #expect(thread.state == expected)
        #expect(thread.messages.map(\.kind) == kinds)
    }

    @Test("messages written while apart both stay, without a conflict, and are not answers")
    func concurrentMessages() throws {
        let base = Record(id: UUID(), collection: RecordCollection.responses, cohort: "kurs", survey: "s", surveyVersion: 1, owner: "anna")
        var t = base
        var a = base
        Self.write(&t, "m1", .ask, by: "tina", replica: Self.tina, at: 10)
        Self.write(&a, "m2", .reply, by: "anna", replica: Self.anna, at: 20)
        let merged = try t.merging(a)
        #expect(merged.conflicts.isEmpty)
        #expect(ReviewThread(merged).state == .answered)
        #expect(merged.ownValues.keys.allSatisfy { !$0.hasPrefix(ReviewField.prefix) })
        let survey = try SurveyDefinition.parse("settings: {form_id: s, version: 1, form_title: S}\nsurvey:\n  - {type: text, name: q, label: Q}\n")
        #expect(survey.validate(merged.values, finalized: false).isEmpty)
    }
}
