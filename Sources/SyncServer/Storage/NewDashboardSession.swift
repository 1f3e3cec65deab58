import Foundation
import SyncModel

/// A dashboard session to create when a login link is opened: only the hash of its cookie.
struct NewDashboardSession: Sendable {
    /// SHA-256 of the session cookie's value.
    var tokenHash: Data
    /// When the session ends.
    var expiresAt: Timestamp
}
