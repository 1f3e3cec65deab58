import Foundation
import SyncModel
import Testing

@testable import SyncServer

/// The server's rules for visits, withdrawals and review messages: written once, by whom.
@Suite("LogFieldRules")
struct LogFieldRulesTests {
    static let anna = ReplicaID(high: 0xA, low: 1)
    static let ben = ReplicaID(high: 0xC, low: 3)
    static let tina = ReplicaID(high: 0xB, low: 2)
    static let at = Timestamp(millisecondsSince1970: 1_795_600_000_000)

    static func device(_ name: String, _ replica: ReplicaID, _ role: Role) -> DeviceInfo {
        DeviceInfo(id: "d-\(name)", cohort: "c", participant: name, role: role, name: name, replicaId: replica, createdAt: at, revokedAt: nil)
    }

    static func door() -> Record {
        var door = Record(id: UUID(), collection: RecordCollection.households, cohort: "c", owner: "import")
        door.write(HouseholdField.street, "Lindenstraße", by: tina, at: at)
        door.write(VisitField.entry("v1"), Visit.makeEntry(at: at, by: "ben", outcome: .notHome, note: nil), by: ben, at: at)
        return door
    }

    static func response() -> Record {
        var response = Record(
            id: UUID(), collection: RecordCollection.responses, cohort: "c", survey: "s", surveyVersion: 1, owner: "anna")
        response.write("_status", "final", by: anna, at: at)
        let ask = ReviewMessage(id: "m1", at: at, by: "tina", role: "trainer", kind: .ask, text: "Haushaltsgröße fehlt")
        response.write(ReviewField.message("m1"), ask.fieldValue, by: tina, at: at)
        return response
    }

    static func message(_ kind: ReviewKind, by name: String, role: String) -> FieldValue {
        ReviewMessage(id: "x", at: at, by: name, role: role, kind: kind, text: "t").fieldValue
    }

    /// (name, device, stored, field, value, expected error code or "ok").
    static let cases: [(String, DeviceInfo, Record, String, FieldValue, String)] = {
        let anna = device("anna", Self.anna, .participant)
        let tina = device("tina", Self.tina, .trainer)
        let door = Self.door()
        let response = Self.response()
        return [
            ("a new visit", anna, door, VisitField.entry("v2"), Visit.makeEntry(at: at, by: "anna", outcome: .revisit, note: "x"), "ok"),
            ("a visit in someone else's name", anna, door, VisitField.entry("v2"), Visit.makeEntry(at: at, by: "ben", outcome: .revisit, note: nil), "invalidRecord"),
            ("a visit with an unknown outcome", anna, door, VisitField.entry("v2"), ["at": 1, "by": "anna", "outcome": "maybe"], "invalidRecord"),
            ("an existing visit changed", tina, door, VisitField.entry("v1"), Visit.makeEntry(at: at, by: "tina", outcome: .refused, note: nil), "invalidRecord"),
            ("a participant withdraws another's visit", anna, door, VisitField.withdrawal("v1"), Visit.makeWithdrawal(at: at, by: "anna"), "forbidden"),
            ("a trainer withdraws another's visit", tina, door, VisitField.withdrawal("v1"), Visit.makeWithdrawal(at: at, by: "tina"), "ok"),
            ("a withdrawal of a visit that does not exist", tina, door, VisitField.withdrawal("nope"), Visit.makeWithdrawal(at: at, by: "tina"), "invalidRecord"),
            ("the owner replies", anna, response, ReviewField.message("m2"), message(.reply, by: "anna", role: "participant"), "ok"),
            ("a participant asks", anna, response, ReviewField.message("m2"), message(.ask, by: "anna", role: "participant"), "forbidden"),
            ("a participant claims the trainer role", anna, response, ReviewField.message("m2"), message(.ok, by: "anna", role: "trainer"), "invalidRecord"),
            ("a trainer closes", tina, response, ReviewField.message("m2"), message(.close, by: "tina", role: "trainer"), "ok"),
            ("an existing message changed", tina, response, ReviewField.message("m1"), message(.ok, by: "tina", role: "trainer"), "invalidRecord"),
        ]
    }()

    @Test("log entries are written once, in the writer's name, by whom the roles allow", arguments: Self.cases.map(\.0))
    func rules(name: String) throws {
        let (_, device, stored, field, value, expected) = try #require(Self.cases.first { $0.0 == name })
        var sent = stored
        sent.write(field, value, by: device.replicaId, at: Self.at)
        let merged = try stored.merging(sent)
        let error = LogFieldRules(device: device).check(sent: sent, stored: stored, merged: merged)
        #expect((error?.code ?? "ok") == expected, "\(error?.message ?? "")")
        if let error { #expect(!error.message.isEmpty) }
    }

    @Test("legacy visit fields written by an old client are still accepted")
    func legacyFieldsPass() throws {
        let device = Self.device("anna", Self.anna, .participant)
        let stored = Self.door()
        var sent = stored
        sent.write([HouseholdField.outcome: "not-home", HouseholdField.visitedBy: "anna"], by: Self.anna, at: Self.at)
        #expect(LogFieldRules(device: device).check(sent: sent, stored: stored, merged: try stored.merging(sent)) == nil)
    }
}
