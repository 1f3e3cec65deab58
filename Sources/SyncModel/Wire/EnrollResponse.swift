/// The answer to an enrollment: the device token, shown only this once.
public struct EnrollResponse: Codable, Hashable, Sendable {
    /// The bearer token; the server keeps only its hash.
    public var token: String
    /// The device id, e.g. for revocation.
    public var deviceId: String
    /// The cohort the device belongs to.
    public var cohort: String
    /// The participant or trainer name the device acts for.
    public var participant: String
    /// The role.
    public var role: Role
    /// The server's epoch.
    public var epoch: String

    /// Creates an enroll response.
    public init(token: String, deviceId: String, cohort: String, participant: String, role: Role, epoch: String) {
        self.token = token
        self.deviceId = deviceId
        self.cohort = cohort
        self.participant = participant
        self.role = role
        self.epoch = epoch
    }
}
