/// What `record` and `collect` print with `--json`.
struct CreatedRecord: Encodable, Sendable {
    /// The record id, nil when nothing was stored.
    var id: String?
    /// `draft` or `final`.
    var status: String?
}
