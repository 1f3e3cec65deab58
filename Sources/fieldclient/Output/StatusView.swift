/// What `status` prints.
struct StatusView: Encodable, Sendable {
    /// Whether the device joined a cohort.
    var joined: Bool
    /// The server URL.
    var server: String?
    /// The server's device id.
    var deviceId: String?
    /// The device name.
    var deviceName: String?
    /// The participant or trainer name.
    var participant: String?
    /// The role.
    var role: String?
    /// The cohort.
    var cohort: String?
    /// The replica id.
    var replicaId: String?
    /// The known server epoch.
    var epoch: String?
    /// The last successful sync, milliseconds since 1970.
    var lastSyncAt: Int64?
    /// Records with changes not yet accepted by the server.
    var unsyncedChanges: Int
    /// Records the server rejected.
    var rejected: Int
    /// Records with open conflicts.
    var openConflicts: Int
    /// Responses with a review question waiting for the interviewer (a participant's own; a trainer's whole cohort).
    var openQuestions: Int = 0
    /// For trainers: final responses not reviewed yet, or with a reply to read.
    var waitingForReview: Int = 0
    /// The store path.
    var store: String
    /// Whether the store is encrypted at rest (false only after `join --no-encryption`).
    var encrypted: Bool
    /// Records whose sealed state a command found damaged (skipped; a sync restores synced ones).
    var damaged: [String]
}
