import SyncModel

/// What `dashboard --json` prints.
struct DashboardLinkView: Encodable, Sendable {
    /// The whole login link.
    var link: String
    /// When it stops working.
    var expiresAt: Timestamp
    /// Whether a browser was started.
    var opened: Bool
}
