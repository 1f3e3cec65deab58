/// `GET /v1/devices`: the cohort's devices.
struct DeviceList: Codable, Sendable {
    /// The devices, oldest first.
    var devices: [DeviceInfo]
}
