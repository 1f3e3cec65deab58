/// One option of a `select_one` or `select_multiple` question.
public struct Choice: Codable, Hashable, Sendable {
    /// The stored value, e.g. `verkehr`; no spaces or commas.
    public let name: String
    /// The text shown to the interviewer, e.g. `Verkehr und Lärm`.
    public let label: String

    /// Creates a choice.
    public init(name: String, label: String) {
        self.name = name
        self.label = label
    }
}
