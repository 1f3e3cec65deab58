import Foundation
import SyncModel

/// An enrollment code to store: only its hash, and what it enrolls.
struct NewEnrollmentCode: Sendable {
    /// SHA-256 of the normalized code.
    var codeHash: Data
    /// The cohort the device will belong to.
    var cohort: String
    /// The participant or trainer name the device will act for.
    var participant: String
    /// The role the device will have.
    var role: Role
    /// When the code was made.
    var createdAt: Timestamp
    /// When it stops working.
    var expiresAt: Timestamp
    /// Who made it: `admin` or a device id.
    var createdBy: String
}
