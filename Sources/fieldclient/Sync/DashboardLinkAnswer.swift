import SyncModel

/// The server's answer to `POST /v1/dashboard/links`.
struct DashboardLinkAnswer: Codable, Sendable {
    /// `/dashboard/login?link=…`, to append to the server's URL.
    var path: String
    /// The whole link as the server saw its own address; the client prefers its own server URL.
    var url: String?
    /// The cohort.
    var cohort: String
    /// The trainer.
    var trainer: String
    /// When the link stops working.
    var expiresAt: Timestamp
}
