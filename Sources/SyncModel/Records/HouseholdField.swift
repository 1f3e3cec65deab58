/// Field names of household records, the cohort's shared door list.
public enum HouseholdField {
    /// The street name.
    public static let street = "street"
    /// The house number, as text (`12a`).
    public static let houseNumber = "houseNumber"
    /// The postcode.
    public static let postcode = "postcode"
    /// The town or city, when the imported list has one.
    public static let city = "city"
    /// A note from the imported list, e.g. "Hinterhaus, 3. OG".
    public static let note = "note"
    /// The outcome of the latest visit; see ``VisitOutcome``.
    public static let outcome = "outcome"
    /// A note written at the visit.
    public static let visitNote = "visitNote"
    /// The participant who made the visit.
    public static let visitedBy = "visitedBy"
}

/// What happened at a door.
public enum VisitOutcome: String, Codable, Hashable, Sendable, CaseIterable {
    /// Somebody was interviewed.
    case interviewed
    /// Nobody opened.
    case notHome = "not-home"
    /// The resident declined.
    case refused
    /// Come back later.
    case revisit
}
