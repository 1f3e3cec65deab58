import SyncModel

/// A new one-time dashboard login link, as answered to a trainer and printed by the admin command.
struct DashboardLinkGrant: Codable, Hashable, Sendable {
    /// The link's path with its secret, e.g. `/dashboard/login?link=…`; append it to the server's URL.
    var path: String
    /// The whole link when the server knows its address (from the request or `--url`).
    var url: String?
    /// The cohort the link opens.
    var cohort: String
    /// The trainer it logs in.
    var trainer: String
    /// When it stops working.
    var expiresAt: Timestamp
}
