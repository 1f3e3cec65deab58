import Foundation
import SyncModel

/// Records that a device relayed writes of other replicas after an epoch change.
struct RelayNote: Sendable, Hashable {
    /// The record.
    var recordID: UUID
    /// The relaying device.
    var deviceID: String
    /// The retired epoch the device named.
    var epoch: String
    /// The other replicas whose writes it brought.
    var replicas: [ReplicaID]
}
