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

extension RelayNote {
    /// The replicas as stored in the `replicas` column: ids separated by commas.
    var replicaList: String { replicas.map(\.description).joined(separator: ",") }

    /// The note stored in a `relays` row's columns; nil when the record id is not a UUID.
    init?(recordID: String, deviceID: String, epoch: String, replicaList: String) {
        guard let id = UUID(uuidString: recordID) else { return nil }
        self.init(
            recordID: id, deviceID: deviceID, epoch: epoch,
            replicas: replicaList.split(separator: ",").compactMap { ReplicaID(String($0)) })
    }
}
