import Foundation
import SyncModel

/// Everything of a deployment except its records and relay notes, as `syncserver migrate` moves it.
struct DeploymentHeader: Sendable {
    /// The source's current epoch.
    var epoch: String
    /// The source's server replica id, kept so that its writes keep their author.
    var serverReplica: String
    /// The epochs the source retired.
    var retiredEpochs: [RetiredEpoch]
    /// The cohorts.
    var cohorts: [CohortInfo]
    /// The devices with their token hashes (never tokens).
    var devices: [DeviceCredential]
    /// The enrollment codes (only hashes), used or not.
    var codes: [ExportedCode]
    /// The published surveys, as stored.
    var surveys: [ExportedSurvey]
    /// The audit trail, oldest first.
    var auditEvents: [AuditEvent] = []
    /// The pseudonym secret as stored in `meta` (hex), so that pseudonyms stay the same after the move;
    /// nil when no export made one yet.
    var pseudonymSecret: String?
}
