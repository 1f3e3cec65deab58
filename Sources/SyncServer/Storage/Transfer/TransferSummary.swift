/// What `syncserver migrate` moved.
struct TransferSummary: Codable, Sendable {
    /// The source location.
    var from: String
    /// The destination location, without password.
    var to: String
    /// The source's epoch, retired at the destination.
    var retiredEpoch: String
    /// The destination's new epoch.
    var epoch: String
    /// Cohorts moved.
    var cohorts: Int
    /// Devices moved.
    var devices: Int
    /// Enrollment codes moved.
    var codes: Int
    /// Survey versions moved.
    var surveys: Int
    /// Records moved.
    var records: Int
    /// Relay notes moved.
    var relays: Int
    /// Audit events moved (the migration's own event not counted).
    var auditEvents: Int
    /// The highest feed sequence moved.
    var lastSequence: Int64
}
