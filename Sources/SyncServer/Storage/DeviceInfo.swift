import SyncModel

/// An enrolled device as shown to trainers and admins; never holds the token.
struct DeviceInfo: Codable, Hashable, Sendable {
    /// The device id.
    var id: String
    /// The cohort it belongs to.
    var cohort: String
    /// The participant or trainer it acts for.
    var participant: String
    /// Its role.
    var role: Role
    /// The name given at enrollment.
    var name: String
    /// Its replica id.
    var replicaId: ReplicaID
    /// When it enrolled.
    var createdAt: Timestamp
    /// When it was revoked; nil while active.
    var revokedAt: Timestamp?

    /// Whether the device was revoked.
    var isRevoked: Bool { revokedAt != nil }
}
