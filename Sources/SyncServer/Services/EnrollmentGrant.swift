import SyncModel

/// A new one-time enrollment code, shown once to whoever issued it.
struct EnrollmentGrant: Codable, Hashable, Sendable {
    /// The code, grouped like `ABCD-EFGH-JK`.
    var code: String
    /// The cohort the enrolled device will belong to.
    var cohort: String
    /// The participant or trainer the device will act for.
    var participant: String
    /// The device's role.
    var role: Role
    /// When the code stops working.
    var expiresAt: Timestamp
}
