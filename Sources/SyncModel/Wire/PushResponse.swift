/// The answer to a push: one result per pushed record, in the order sent.
public struct PushResponse: Codable, Hashable, Sendable {
    /// The server's current epoch.
    public var epoch: String
    /// One result per pushed record.
    public var results: [PushResult]

    /// Creates a push response.
    public init(epoch: String, results: [PushResult]) {
        self.epoch = epoch
        self.results = results
    }
}
