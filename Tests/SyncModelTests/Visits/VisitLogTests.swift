import Foundation
import SyncModel
import Testing

/// The visit log of a door: visits as fields written once, the derived status, legacy fields, withdrawals.
@Suite("VisitLog")
struct VisitLogTests {
    static let anna = ReplicaID(high: 0, low: 1)
    static let ben = ReplicaID(high: 0, low: 2)
    static let tina = ReplicaID(high: 0, low: 3)

    static func door() -> Record {
        var door = Record(id: UUID(), collection: RecordCollection.households, cohort: "kurs", owner: "import")
        door.write([HouseholdField.street: "Lindenstraße", HouseholdField.houseNumber: "12"], by: tina, at: Timestamp(millisecondsSince1970: 1))
        return door
    }

    static func visit(_ door: inout Record, _ id: String, _ outcome: VisitOutcome, by name: String, replica: ReplicaID, at ms: Int64) {
        let at = Timestamp(millisecondsSince1970: ms)
        door.write(VisitField.entry(id), Visit.makeEntry(at: at, by: name, outcome: outcome, note: nil), by: replica, at: at)
    }

    @Test(
        "the status rule: interviewed wins, then refused, else the latest visit's outcome",
        arguments: [
            ([VisitOutcome](), DoorStatus.notVisited),
            ([.notHome], .notHome),
            ([.notHome, .revisit], .revisit),
            ([.revisit, .notHome], .notHome),
            ([.refused, .notHome], .refused),
            ([.notHome, .refused, .revisit], .refused),
            ([.interviewed, .refused], .interviewed),
            ([.refused, .interviewed, .notHome], .interviewed),
        ])
    func statusRule(outcomes: [VisitOutcome], expected: DoorStatus) {
        var door = Self.door()
        for (index, outcome) in outcomes.enumerated() {
            Self.visit(&door, "v\(index)", outcome, by: "anna", replica: Self.anna, at: Int64(100 + index))
        }
        let log = VisitLog(door)
        #expect(log.status == expected)
        #expect(log.visits.map(\.id) == outcomes.indices.reversed().map { "v\($0)" })
    }

    @Test("visits made while apart never conflict, and all of them stay")
    func concurrentVisitsDoNotConflict() throws {
        let base = Self.door()
        var a = base
        var b = base
        var c = base
        Self.visit(&a, "a1", .notHome, by: "anna", replica: Self.anna, at: 200)
        Self.visit(&b, "b1", .revisit, by: "ben", replica: Self.ben, at: 300)
        Self.visit(&c, "c1", .refused, by: "tina", replica: Self.tina, at: 250)
        let merged = try a.merging(b).merging(c)
        #expect(merged.conflicts.isEmpty)
        #expect(VisitLog(merged).visits.map(\.id) == ["b1", "c1", "a1"])
        #expect(VisitLog(merged).status == .refused)
    }

    @Test("a withdrawn visit does not count; concurrent withdrawals of one visit are no conflict")
    func withdrawals() throws {
        var door = Self.door()
        Self.visit(&door, "v1", .notHome, by: "anna", replica: Self.anna, at: 100)
        Self.visit(&door, "v2", .refused, by: "anna", replica: Self.anna, at: 200)
        var a = door
        var t = door
        a.write(VisitField.withdrawal("v2"), Visit.makeWithdrawal(at: Timestamp(millisecondsSince1970: 300), by: "anna"), by: Self.anna, at: Timestamp(millisecondsSince1970: 300))
        t.write(VisitField.withdrawal("v2"), Visit.makeWithdrawal(at: Timestamp(millisecondsSince1970: 310), by: "tina"), by: Self.tina, at: Timestamp(millisecondsSince1970: 310))
        let merged = try a.merging(t)
        #expect(merged.fields[VisitField.withdrawal("v2")]?.isConflict == true)
        #expect(merged.conflicts.isEmpty)
        let log = VisitLog(merged)
        #expect(log.visits.first { $0.id == "v2" }?.withdrawnBy == ["anna", "tina"])
        #expect(log.counted.map(\.id) == ["v1"])
        #expect(log.status == .notHome)
    }

    @Test("the door's own data still conflicts when changed concurrently")
    func ownDataStillConflicts() throws {
        let base = Self.door()
        var a = base
        var b = base
        a.write(HouseholdField.note, "Hinterhaus", by: Self.anna, at: Timestamp(millisecondsSince1970: 5))
        b.write(HouseholdField.note, "Vorderhaus", by: Self.ben, at: Timestamp(millisecondsSince1970: 6))
        Self.visit(&a, "a1", .notHome, by: "anna", replica: Self.anna, at: 7)
        let merged = try a.merging(b)
        #expect(merged.conflicts.compactMap(\.fieldName) == [HouseholdField.note])
    }

    @Test("the legacy fields read as one visit per sibling of outcome, with note and visitor of the same edit")
    func legacyFields() throws {
        let base = Self.door()
        var a = base
        var b = base
        a.write(
            [HouseholdField.outcome: "not-home", HouseholdField.visitNote: nil, HouseholdField.visitedBy: "anna"], by: Self.anna,
            at: Timestamp(millisecondsSince1970: 100))
        b.write(
            [HouseholdField.outcome: "refused", HouseholdField.visitNote: "Kein Interesse", HouseholdField.visitedBy: "ben"],
            by: Self.ben, at: Timestamp(millisecondsSince1970: 90))
        var merged = try a.merging(b)
        #expect(merged.conflicts.isEmpty)
        Self.visit(&merged, "new", .revisit, by: "anna", replica: Self.anna, at: 400)
        let log = VisitLog(merged)
        #expect(log.visits.map(\.outcome) == ["revisit", "not-home", "refused"])
        let refused = try #require(log.visits.last)
        #expect(refused.by == "ben")
        #expect(refused.note == "Kein Interesse")
        #expect(refused.id == VisitField.legacyID(Dot(replica: Self.ben, counter: 1)))
        #expect(log.status == .refused)
    }

    @Test("field names: entries and withdrawals are told apart")
    func fieldNames() {
        #expect(VisitField.entryID("visit.abc") == "abc")
        #expect(VisitField.entryID("visit.abc.withdrawn") == nil)
        #expect(VisitField.withdrawalID("visit.abc.withdrawn") == "abc")
        #expect(VisitField.withdrawalID("street") == nil)
        #expect(VisitField.entryID("visit.") == nil)
    }
}
