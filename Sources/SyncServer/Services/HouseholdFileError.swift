/// Why a door list cannot be imported: every problem found, by row, and what to do.
struct HouseholdFileError: Error, Equatable, CustomStringConvertible {
    /// What is wrong and where, one problem per line.
    var description: String

    /// An error from problems listed by row; long lists are cut after `limit` lines.
    init(problems: [String], limit: Int = 20) {
        var lines = Array(problems.prefix(limit))
        if problems.count > limit { lines.append("… and \(problems.count - limit) more.") }
        description =
            "Nothing was imported; the door list has \(problems.count == 1 ? "a problem" : "\(problems.count) problems"):\n"
            + lines.joined(separator: "\n")
    }

    /// An error about the whole file.
    init(_ description: String) {
        self.description = description
    }
}
