import Foundation
import SyncModel

extension RandomSource {
    /// A new random (version 4) UUID.
    func makeUUID() -> UUID {
        var bytes = self.bytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
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
