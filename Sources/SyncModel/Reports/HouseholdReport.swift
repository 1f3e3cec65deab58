/// The door list: how many doors, what happened at them, and the share reached.
public struct HouseholdReport: Codable, Hashable, Sendable {
    /// Doors that are not deleted.
    public var total: Int
    /// Erased doors: only counted, nothing of them is shown.
    public var erased: Int
    /// Doors with any outcome.
    public var visited: Int
    /// `visited / total`, 0 when there are no doors.
    public var coverage: Double
    /// Doors per outcome, in the order of ``VisitOutcome/allCases``; unknown outcomes follow by name.
    public var outcomes: [OutcomeCount]
    /// Per street, in street order.
    public var streets: [StreetCoverage]

    static func make(households: [Record]) -> HouseholdReport {
        var outcomes: [String: Int] = [:]
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
            if let outcome = door.value(of: HouseholdField.outcome)?.stringValue, !outcome.isEmpty {
                visited += 1
                coverage.visited += 1
                outcomes[outcome, default: 0] += 1
            }
            streets[street] = coverage
        }
        let known = VisitOutcome.allCases.map(\.rawValue)
        let others = outcomes.keys.filter { !known.contains($0) }.sorted()
        return HouseholdReport(
            total: total, erased: erased, visited: visited, coverage: total == 0 ? 0 : Double(visited) / Double(total),
            outcomes: (known + others).map { OutcomeCount(outcome: $0, count: outcomes[$0] ?? 0) },
            streets: streets.values.sorted { $0.street < $1.street })
    }
}
