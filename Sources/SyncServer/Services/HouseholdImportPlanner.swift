import Foundation
import SyncModel

/// Decides, purely, what importing a door list does to the stored household records, like
/// ``PushPlanner`` for pushes: which doors are new, which changed, which are up to date.
///
/// Runs inside the store's write transaction on the stored states of the doors' ids, so it
/// must not do I/O. Only changed fields are written, so importing the same list twice writes
/// nothing, and visit fields (`outcome`, …) are never touched.
struct HouseholdImportPlanner: Sendable {
    /// One door of the list with the record id it is stored under.
    struct Door: Sendable {
        /// The record id.
        var id: UUID
        /// The door as read from the file.
        var row: HouseholdRow
    }

    /// What the planner decided for one chunk of doors.
    struct Plan: Sendable {
        /// The records to store.
        var writes: [Record]
        /// How many doors were new, changed and unchanged.
        var created = 0, updated = 0, unchanged = 0
    }

    /// The cohort.
    let cohort: String
    /// The server's replica, under which the import writes.
    let replica: ReplicaID
    /// The write time.
    let time: Timestamp

    /// The doors of `rows` with their record ids. A row whose file gave no id takes the id of the
    /// door `stored` holds at its address (the cohort's doors, deleted and erased ones left out), so
    /// that a list exported without its id column, or typed anew, updates the doors instead of
    /// doubling them; when several stored doors share the address, the one with the derived id, else
    /// the smallest id. Other rows keep the id derived from the file.
    static func doors(_ rows: [HouseholdRow], cohort: String, stored: [Record]) -> [Door] {
        var storedIDs = Set<UUID>()
        var byAddress: [HouseholdAddress: UUID] = [:]
        for door in stored
        where door.collection == RecordCollection.households && door.cohort == cohort && !door.isDeleted && !door.isErased {
            storedIDs.insert(door.id)
            func text(_ field: String) -> String { door.value(of: field)?.stringValue ?? "" }
            let address = HouseholdAddress(
                street: text(HouseholdField.street), houseNumber: text(HouseholdField.houseNumber),
                postcode: text(HouseholdField.postcode))
            if let known = byAddress[address], known.uuidString < door.id.uuidString { continue }
            byAddress[address] = door.id
        }
        return rows.map { row in
            let derived = CohortAdministration.householdID(cohort: cohort, rowID: row.id)
            guard !row.idGiven, !storedIDs.contains(derived), let match = byAddress[row.address] else {
                return Door(id: derived, row: row)
            }
            return Door(id: match, row: row)
        }
    }

    /// Plans `doors` against their stored states in `existing`; throws when a door's id belongs
    /// to a record of another cohort or collection, so that nothing of the chunk is written.
    func plan(_ doors: [Door], existing: [UUID: Record]) throws(AdministrationError) -> Plan {
        var plan = Plan(writes: [])
        for door in doors {
            let stored = existing[door.id]
            if let stored, stored.cohort != cohort || stored.collection != RecordCollection.households {
                throw .doorIDTaken(doorID: door.row.id, cohort: cohort)
            }
            var record =
                stored
                ?? Record(
                    id: door.id, collection: RecordCollection.households, cohort: cohort,
                    owner: CohortAdministration.householdOwner)
            let wanted: [String: FieldValue] = [
                HouseholdField.street: .string(door.row.street),
                HouseholdField.houseNumber: .string(door.row.houseNumber),
                HouseholdField.postcode: .string(door.row.postcode),
                HouseholdField.note: door.row.note.map(FieldValue.string) ?? .null,
                HouseholdField.city: door.row.city.map(FieldValue.string) ?? .null,
            ]
            let changes = wanted.filter { name, value in
                let current = record.value(of: name)
                return current != value && !(current == nil && value == .null)
            }
            guard record.write(changes, by: replica, at: time) != nil else {
                plan.unchanged += 1
                continue
            }
            plan.writes.append(record)
            if stored == nil { plan.created += 1 } else { plan.updated += 1 }
        }
        return plan
    }
}
