import Foundation
import SyncModel

/// A one-time dashboard login link to store: only the hash of its secret, and whom it logs in.
struct NewDashboardLink: Sendable {
    /// SHA-256 of the link's secret.
    var linkHash: Data
    /// The cohort whose dashboard the link opens.
    var cohort: String
    /// The trainer the session will act for.
    var trainer: String
    /// When the link was made.
    var createdAt: Timestamp
    /// When it stops working.
    var expiresAt: Timestamp
    /// Who made it: `admin` or the trainer's device id.
    var createdBy: String
}
