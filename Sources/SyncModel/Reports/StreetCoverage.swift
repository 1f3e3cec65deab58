/// The doors of one street and how many were reached.
public struct StreetCoverage: Codable, Hashable, Sendable {
    /// The street name.
    public var street: String
    /// Doors.
    public var total: Int
    /// Doors with an outcome.
    public var visited: Int

    /// Creates a street's coverage.
    public init(street: String, total: Int, visited: Int) {
        self.street = street
        self.total = total
        self.visited = visited
    }
}
