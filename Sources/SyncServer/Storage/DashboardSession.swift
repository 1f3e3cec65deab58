import SyncModel

/// A signed-in dashboard session: a trainer reading one cohort in a browser.
struct DashboardSession: Codable, Hashable, Sendable {
    /// The cohort the session may read.
    var cohort: String
    /// The trainer it acts for.
    var trainer: String
    /// Who made the login link: `admin` or the trainer's device id.
    var createdBy: String
    /// When the session ends.
    var expiresAt: Timestamp
}
