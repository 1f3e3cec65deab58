/// What `join --json` prints.
struct JoinSummary: Encodable, Sendable {
    /// The server URL.
    var server: String
    /// The server's device id.
    var deviceId: String
    /// The cohort.
    var cohort: String
    /// The participant or trainer name.
    var participant: String
    /// The role.
    var role: String
    /// The new replica id.
    var replicaId: String
    /// Survey versions fetched.
    var surveys: Int
    /// Records fetched.
    var records: Int
}
