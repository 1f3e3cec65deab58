import SyncModel

/// A device enrolled through the API in a test.
struct EnrolledDevice: Sendable {
    /// The bearer token.
    var token: String
    /// The device id.
    var id: String
    /// The cohort.
    var cohort: String
    /// The participant or trainer name.
    var participant: String
    /// The role.
    var role: Role
    /// The replica id it writes under.
    var replica: ReplicaID
}
