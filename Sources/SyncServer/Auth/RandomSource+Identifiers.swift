import Foundation
import SyncModel

extension RandomSource {
    /// A new random (version 4) UUID.
    func makeUUID() -> UUID {
        UUID(bytes: bytes(16), version: 4)
    }

    /// A new device id: a lowercase UUID.
    func makeDeviceID() -> String {
        makeUUID().uuidString.lowercased()
    }

    /// A new replica id.
    func makeReplicaID() -> ReplicaID {
        ReplicaID(bytes: bytes(16))
    }
}
