import Foundation
import SyncModel

/// What `join` keeps about this device: the server, the token and who the device acts for.
struct DeviceIdentity: Hashable, Sendable {
    /// The server's base URL, e.g. `https://sync.example.org`.
    var serverURL: String
    /// The bearer token; never printed or logged.
    var token: String
    /// The server's id of this device.
    var deviceID: String
    /// The replica id under which this device writes.
    var replica: ReplicaID
    /// The cohort.
    var cohort: String
    /// The participant (or trainer) name.
    var participant: String
    /// The role.
    var role: Role
    /// The device name given at join.
    var deviceName: String
    /// When the device joined.
    var joinedAt: Timestamp
}
