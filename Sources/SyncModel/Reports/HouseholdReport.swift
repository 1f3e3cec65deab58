/// The door list: how many doors, what happened at them, and the share reached.
public struct HouseholdReport: Codable, Hashable, Sendable {
    /// Doors that are not deleted.
    public var total: Int
    /// Erased doors: only counted, nothing of them is shown.
    public var erased: Int
    /// Doors with a visit that counts (not withdrawn).
    public var visited: Int
    /// `visited / total`, 0 when there are no doors.
    public var coverage: Double
    /// Visited doors per derived status (``VisitLog/status``), in the order of ``VisitOutcome/allCases``.
    public var outcomes: [OutcomeCount]
    /// Visits that count, per outcome, in the order of ``VisitOutcome/allCases``; unknown outcomes follow by name.
    public var visitOutcomes: [OutcomeCount]
    /// Per street, in street order.
    public var streets: [StreetCoverage]

    static func make(households: [Record]) -> HouseholdReport {
        var outcomes: [String: Int] = [:]
        var visits: [String: Int] = [:]
        var streets: [String: StreetCoverage] = [:]
        var total = 0
        var visited = 0
        var erased = 0
        for door in households where !door.isDeleted {
            if door.isErased {
                erased += 1
                continue
            }
            total += 1
            let street = door.value(of: HouseholdField.street)?.stringValue ?? ""
            var coverage = streets[street] ?? StreetCoverage(street: street, total: 0, visited: 0)
            coverage.total += 1
            let log = VisitLog(door)
            for visit in log.counted { visits[visit.outcome, default: 0] += 1 }
            let status = log.status
            if status != .notVisited {
                visited += 1
                coverage.visited += 1
                outcomes[status.rawValue, default: 0] += 1
            }
            streets[street] = coverage
        }
        let known = VisitOutcome.allCases.map(\.rawValue)
        let others = visits.keys.filter { !known.contains($0) }.sorted()
        return HouseholdReport(
            total: total, erased: erased, visited: visited, coverage: total == 0 ? 0 : Double(visited) / Double(total),
            outcomes: known.map { OutcomeCount(outcome: $0, count: outcomes[$0] ?? 0) },
            visitOutcomes: (known + others).map { OutcomeCount(outcome: $0, count: visits[$0] ?? 0) },
            streets: streets.values.sorted { $0.street < $1.street })
    }
}
