/// `POST /v1/sync/push`: record states the client changed or relays.
public struct PushRequest: Codable, Hashable, Sendable {
    /// The server epoch the client last knew; nil before its first successful pull.
    public var epoch: String?
    /// Full record states, at most ``SyncProtocol/maximumPushRecords``.
    public var records: [Record]

    /// Creates a push request.
    public init(epoch: String?, records: [Record]) {
        self.epoch = epoch
        self.records = records
    }
}
