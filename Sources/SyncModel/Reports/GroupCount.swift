/// Final and draft counts for one group: a participant, a street or a day.
public struct GroupCount: Codable, Hashable, Sendable {
    /// The group's name.
    public var name: String
    /// Final responses.
    public var final: Int
    /// Drafts.
    public var drafts: Int

    /// Creates a group count.
    public init(name: String, final: Int, drafts: Int) {
        self.name = name
        self.final = final
        self.drafts = drafts
    }
}
