/// The door list: how many doors, what happened at them, and the share reached.
public struct HouseholdReport: Codable, Hashable, Sendable {
    /// Doors that are not deleted.
    public var total: Int
    /// Doors with any outcome.
    public var visited: Int
    /// `visited / total`, 0 when there are no doors.
    public var coverage: Double
    /// Doors per outcome, in the order of ``VisitOutcome/allCases``; unknown outcomes follow by name.
    public var outcomes: [OutcomeCount]
    /// Per street, in street order.
    public var streets: [StreetCoverage]
}
