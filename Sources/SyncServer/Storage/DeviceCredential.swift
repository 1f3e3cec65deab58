import Foundation

/// A device with the hash of its token, for authentication only.
struct DeviceCredential: Sendable {
    /// The device.
    var device: DeviceInfo
    /// SHA-256 of its token.
    var tokenHash: Data
}
