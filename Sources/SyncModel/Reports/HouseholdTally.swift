/// The door list, counted one door at a time; becomes a ``HouseholdReport``.
struct HouseholdTally {
    /// Doors that are not deleted, and those with an outcome.
    private var total = 0, visited = 0
    /// Doors per outcome.
    private var outcomes: [String: Int] = [:]
    /// Coverage per street.
    private var streets: [String: StreetCoverage] = [:]

    /// Counts one door.
    mutating func add(_ door: Record) {
        guard !door.isDeleted else { return }
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

    /// The report: outcomes in the order of ``VisitOutcome/allCases``, unknown ones after by name.
    var report: HouseholdReport {
        let known = VisitOutcome.allCases.map(\.rawValue)
        let others = outcomes.keys.filter { !known.contains($0) }.sorted()
        return HouseholdReport(
            total: total, visited: visited, coverage: total == 0 ? 0 : Double(visited) / Double(total),
            outcomes: (known + others).map { OutcomeCount(outcome: $0, count: outcomes[$0] ?? 0) },
            streets: streets.values.sorted { $0.street < $1.street })
    }
}
