/// One record's open conflicts, as `conflicts` prints them.
struct RecordConflicts: Encodable, Sendable {
    /// The record id.
    var id: String
    /// The collection.
    var collection: String
    /// The survey, for responses.
    var survey: String?
    /// The conflicts.
    var conflicts: [ConflictView]
}
