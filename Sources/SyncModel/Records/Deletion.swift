/// The value of a record's deletion register: deleted or restored, and what the deleter had seen.
///
/// A deletion remembers the version vector its writer had seen, so that edits the deleter
/// did not know about can be told apart from edits it meant to delete; see
/// ``Record/isDeleted``.
public struct Deletion: Hashable, Sendable, Codable {
    /// True for a delete, false for a restore.
    public var isDeleted: Bool
    /// The record's version the writer had seen just before deleting; nil for a restore.
    public var seen: VersionVector?

    /// Creates a deletion value.
    public init(isDeleted: Bool, seen: VersionVector?) {
        self.isDeleted = isDeleted
        self.seen = seen
    }

    private enum CodingKeys: String, CodingKey {
        case isDeleted = "deleted"
        case seen
    }
}
