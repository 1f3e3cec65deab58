/// One number of the table: what was measured, its baseline from the same run, and the goal.
struct Measurement: Codable, Sendable {
    /// The row, e.g. "1", "5b".
    var row: String
    /// What the number is.
    var what: String
    /// The value.
    var value: Double
    /// Its unit.
    var unit: String
    /// The baseline measured in the same run, when the row has one.
    var baseline: Double?
    /// `value / baseline`, or another ratio the row defines.
    var ratio: Double?
    /// The goal, as text.
    var goal: String?
    /// Whether the goal is met, when there is one.
    var met: Bool?
}
