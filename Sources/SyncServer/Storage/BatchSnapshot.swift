import Foundation
import SyncModel

/// What a push sees inside its write transaction.
struct BatchSnapshot: Sendable {
    /// The stored states of the batch's records that exist.
    var existing: [UUID: Record]
    /// The current epoch.
    var epoch: String
    /// Whether the epoch named by the request is a retired one of this database.
    var requestEpochIsRetired: Bool
}
