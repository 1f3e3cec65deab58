/// What `delete` and `restore` print with `--json`.
struct DeletionView: Encodable, Sendable {
    /// The record id.
    var id: String
    /// Whether the record is now shown as deleted.
    var deleted: Bool
}
