/// The door list, counted one door at a time; becomes a ``HouseholdReport``.
struct HouseholdTally {
    /// Doors that are not deleted or erased, those with a visit that counts, and erased ones.
    private var total = 0, visited = 0, erased = 0
    /// Doors per derived status.
    private var outcomes: [String: Int] = [:]
    /// Visits that count, per outcome.
    private var visits: [String: Int] = [:]
    /// Coverage per street.
    private var streets: [String: StreetCoverage] = [:]

    /// Counts one door: by its derived status (``VisitLog/status``) and its visits.
    mutating func add(_ door: Record) {
        guard !door.isDeleted else { return }
        if door.isErased {
            erased += 1
            return
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

    /// The report: statuses and visit outcomes in the order of ``VisitOutcome/allCases``, unknown
    /// visit outcomes after by name.
    var report: HouseholdReport {
        let known = VisitOutcome.allCases.map(\.rawValue)
        let others = visits.keys.filter { !known.contains($0) }.sorted()
        return HouseholdReport(
            total: total, erased: erased, visited: visited, coverage: total == 0 ? 0 : Double(visited) / Double(total),
            outcomes: known.map { OutcomeCount(outcome: $0, count: outcomes[$0] ?? 0) },
            visitOutcomes: (known + others).map { OutcomeCount(outcome: $0, count: visits[$0] ?? 0) },
            streets: streets.values.sorted { $0.street < $1.street })
    }
}
