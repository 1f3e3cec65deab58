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
}
