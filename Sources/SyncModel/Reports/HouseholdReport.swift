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
}
