/// The visits of a door and its status, derived purely from a door record, the same on every replica.
///
/// Visits come from the `visit.<id>` fields (``VisitField``) and, for doors written before the
/// log, from the legacy fields `outcome`/`visitNote`/`visitedBy`: each sibling of `outcome` is one
/// visit, with the note and visitor written in the same edit (same dot). The status rule:
/// interviewed wins; otherwise refused wins; otherwise the outcome of the latest visit (by time,
/// then id). Withdrawn visits, and visits with an unknown outcome, do not count.
public struct VisitLog: Hashable, Sendable {
    /// Every visit, withdrawn ones too, newest first.
    public let visits: [Visit]

    /// Reads the log of `door`.
    public init(_ door: Record) {
        var visits: [String: Visit] = [:]
        var withdrawals: [String: Set<String>] = [:]
        for (name, register) in door.fields where VisitField.isLogField(name) {
            if let id = VisitField.withdrawalID(name) {
                for sibling in register.siblings {
                    let by = Self.object(sibling.value)?["by"]?.stringValue ?? ""
                    withdrawals[id, default: []].insert(by)
                }
            } else if let id = VisitField.entryID(name), let sibling = register.winner,
                let entry = Self.object(sibling.value)
            {
                let at: Timestamp
                if case .integer(let ms)? = entry["at"] { at = Timestamp(millisecondsSince1970: ms) } else { at = sibling.timestamp }
                visits[id] = Visit(
                    id: id, at: at, by: entry["by"]?.stringValue ?? "", outcome: entry["outcome"]?.stringValue ?? "",
                    note: entry["note"]?.stringValue)
            }
        }
        for visit in Self.legacyVisits(door) where visits[visit.id] == nil { visits[visit.id] = visit }
        for (id, by) in withdrawals { visits[id]?.withdrawnBy = by.sorted() }
        self.visits = visits.values.sorted { $0.isNewer(than: $1) }
    }

    /// The visits that count: not withdrawn, newest first.
    public var counted: [Visit] { visits.filter { !$0.isWithdrawn } }

    /// The latest visit that counts.
    public var lastVisit: Visit? { counted.first }

    /// The derived status: interviewed wins; otherwise refused; otherwise the latest visit's outcome.
    public var status: DoorStatus {
        let known = counted.filter { $0.knownOutcome != nil }
        if known.contains(where: { $0.knownOutcome == .interviewed }) { return .interviewed }
        if known.contains(where: { $0.knownOutcome == .refused }) { return .refused }
        return known.first.map { DoorStatus($0.knownOutcome!) } ?? .notVisited
    }

    /// The visit `id`, or the one whose id starts with `prefix` when exactly one does.
    public func visit(matching prefix: String) -> Visit? {
        let lowered = prefix.lowercased()
        if let exact = visits.first(where: { $0.id == lowered }) { return exact }
        let matches = visits.filter { $0.id.hasPrefix(lowered) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The legacy fields read as visits: one per sibling of `outcome`.
    private static func legacyVisits(_ door: Record) -> [Visit] {
        guard let outcome = door.fields[HouseholdField.outcome] else { return [] }
        let notes = door.fields[HouseholdField.visitNote]?.siblings ?? []
        let visitors = door.fields[HouseholdField.visitedBy]?.siblings ?? []
        return outcome.siblings.compactMap { sibling in
            guard let word = sibling.value.stringValue, !word.isEmpty else { return nil }
            // The note and visitor were written in the same edit; when they were rewritten alone
            // (e.g. a resolved conflict), the shown value is the best that is left.
            let note = (notes.first { $0.dot == sibling.dot } ?? (outcome.isConflict ? nil : door.fields[HouseholdField.visitNote]?.winner))?
                .value.stringValue
            let by = (visitors.first { $0.dot == sibling.dot } ?? (outcome.isConflict ? nil : door.fields[HouseholdField.visitedBy]?.winner))?
                .value.stringValue
            return Visit(id: VisitField.legacyID(sibling.dot), at: sibling.timestamp, by: by ?? "", outcome: word, note: note)
        }
    }

    private static func object(_ value: FieldValue) -> [String: FieldValue]? {
        if case .object(let members) = value { return members }
        return nil
    }
}
