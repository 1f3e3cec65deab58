/// `POST /v1/enroll`: trade a one-time enrollment code for a device token.
public struct EnrollRequest: Codable, Hashable, Sendable {
    /// The one-time code.
    public var code: String
    /// A name for the device, shown to trainers.
    public var deviceName: String
    /// The device's new replica id, under which all its writes are made.
    public var replicaId: ReplicaID

    /// Creates an enroll request.
    public init(code: String, deviceName: String, replicaId: ReplicaID) {
        self.code = code
        self.deviceName = deviceName
        self.replicaId = replicaId
    }
}
