import Foundation
import SyncModel
import Testing

@testable import SyncServer

/// The household import's decisions, without a database.
@Suite("HouseholdImportPlanner")
struct HouseholdImportPlannerTests {
    static let replica = ReplicaID(high: 7, low: 7)
    static let planner = HouseholdImportPlanner(
        cohort: "wedding", replica: replica, time: Timestamp(millisecondsSince1970: 1_000))

    static func door(_ id: String, street: String = "Müllerstraße", note: String? = nil) -> HouseholdImportPlanner.Door {
        HouseholdImportPlanner.Door(
            id: CohortAdministration.householdID(cohort: "wedding", rowID: id),
            row: HouseholdRow(id: id, street: street, houseNumber: "12", postcode: "13353", note: note))
    }

    @Test("New doors are created with the four door fields, written by the server's replica")
    func newDoorsAreCreated() throws {
        let plan = try Self.planner.plan([Self.door("a"), Self.door("b", note: "Hinterhaus")], existing: [:])
        #expect((plan.created, plan.updated, plan.unchanged) == (2, 0, 0))
        #expect(plan.writes.map(\.collection) == [RecordCollection.households, RecordCollection.households])
        #expect(plan.writes[1].value(of: HouseholdField.note) == .string("Hinterhaus"))
        #expect(plan.writes[0].value(of: HouseholdField.note) == nil)
        #expect(plan.writes.allSatisfy { $0.owner == CohortAdministration.householdOwner && $0.cohort == "wedding" })
    }

    @Test("A door already stored is unchanged when the file says the same, updated when it differs")
    func storedDoorsAreComparedFieldByField() throws {
        let first = try Self.planner.plan([Self.door("a"), Self.door("b")], existing: [:])
        let existing = Dictionary(uniqueKeysWithValues: first.writes.map { ($0.id, $0) })
        let again = try Self.planner.plan([Self.door("a"), Self.door("b", street: "Turmstraße")], existing: existing)
        #expect((again.created, again.updated, again.unchanged) == (0, 1, 1))
        #expect(again.writes.map { $0.value(of: HouseholdField.street) } == [.string("Turmstraße")])
    }

    @Test("A stored door counts as updated whatever its version vector says")
    func countsDoNotDependOnVersionVectors() throws {
        var stored = try #require(try Self.planner.plan([Self.door("a")], existing: [:]).writes.first)
        _ = stored.write([HouseholdField.street: .string("Alt")], by: Self.replica, at: Timestamp(millisecondsSince1970: 500))
        let plan = try Self.planner.plan([Self.door("a")], existing: [stored.id: stored])
        #expect((plan.created, plan.updated, plan.unchanged) == (0, 1, 0))
    }

    @Test("A door id of another cohort's record refuses the whole chunk")
    func foreignIDIsRefused() throws {
        let door = Self.door("a")
        let foreign = Record(id: door.id, collection: RecordCollection.households, cohort: "moabit", owner: "x")
        #expect(throws: AdministrationError.doorIDTaken(doorID: "a", cohort: "wedding")) {
            try Self.planner.plan([Self.door("b"), door], existing: [door.id: foreign])
        }
    }

    /// A stored door at `street` 12 with a random-looking id, as a list with ids imports it.
    static func storedDoor(_ id: String, street: String = "Müllerstraße", deleted: Bool = false) -> Record {
        var record = Record(
            id: UUID(uuidString: id)!, collection: RecordCollection.households, cohort: "wedding",
            owner: CohortAdministration.householdOwner)
        record.write(
            [HouseholdField.street: .string(street), HouseholdField.houseNumber: .string("12"), HouseholdField.postcode: .string("13353")],
            by: replica, at: Timestamp(millisecondsSince1970: 500))
        if deleted { record.delete(by: replica, at: Timestamp(millisecondsSince1970: 600)) }
        return record
    }

    /// A row without an id in the file, as `HouseholdFile` reads it.
    static func rowWithoutID(street: String) -> HouseholdRow {
        let address = HouseholdAddress(street: street, houseNumber: "12", postcode: "13353")
        let id = CohortAdministration.householdID(cohort: "wedding", rowID: address.key).uuidString.lowercased()
        return HouseholdRow(id: id, idGiven: false, street: street, houseNumber: "12", postcode: "13353", note: nil)
    }

    @Test(
        "A row without an id is the door stored at its address, however the street is spelt; a deleted door or another cohort's is not",
        arguments: [
            ("Müllerstraße", false, "wedding", true), ("Muellerstr.", false, "wedding", true),
            ("Müllerstraße", true, "wedding", false), ("Müllerstraße", false, "moabit", false),
        ])
    func rowWithoutIDFindsTheStoredDoor(street: String, deleted: Bool, cohort: String, matches: Bool) {
        var stored = Self.storedDoor("F38B2FFC-80A4-4F5A-91C9-BC701E7EA419", deleted: deleted)
        if cohort != "wedding" {
            stored = Record(id: stored.id, collection: stored.collection, cohort: cohort, owner: stored.owner)
            stored.write(
                [HouseholdField.street: .string("Müllerstraße"), HouseholdField.houseNumber: .string("12"),
                 HouseholdField.postcode: .string("13353")], by: Self.replica, at: Timestamp(millisecondsSince1970: 500))
        }
        let row = Self.rowWithoutID(street: street)
        let doors = HouseholdImportPlanner.doors([row], cohort: "wedding", stored: [stored])
        let derived = CohortAdministration.householdID(cohort: "wedding", rowID: row.id)
        #expect(doors.map(\.id) == [matches ? stored.id : derived])
    }

    @Test("A row with an id keeps it even when another door is stored at its address; of two doors at one address the smaller id is taken")
    func givenIDsWinAndTiesAreStable() {
        let first = Self.storedDoor("00000000-0000-4000-8000-000000000001")
        let second = Self.storedDoor("F38B2FFC-80A4-4F5A-91C9-BC701E7EA419")
        let given = HouseholdRow(id: "tuer-7", street: "Müllerstraße", houseNumber: "12", postcode: "13353", note: nil)
        let doors = HouseholdImportPlanner.doors(
            [given, Self.rowWithoutID(street: "Müllerstraße")], cohort: "wedding", stored: [second, first])
        #expect(doors.map(\.id) == [CohortAdministration.householdID(cohort: "wedding", rowID: "tuer-7"), first.id])
    }
}
