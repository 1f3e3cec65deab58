import Foundation
import SyncModel

/// A device to create at enrollment; cohort, participant and role come from the code.
struct NewDevice: Sendable {
    /// The new device id.
    var id: String
    /// The name the participant gave it.
    var name: String
    /// The device's replica id.
    var replica: ReplicaID
    /// SHA-256 of the device token.
    var tokenHash: Data
}
