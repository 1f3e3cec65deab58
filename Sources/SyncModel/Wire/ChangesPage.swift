/// `GET /v1/sync/changes`: the records in the caller's scope changed after a cursor, in feed order.
public struct ChangesPage: Codable, Hashable, Sendable {
    /// Full record states, oldest change first; each record at most once.
    public var records: [Record]
    /// The cursor to pass as `since` for the next page; opaque to clients.
    public var cursor: String
    /// Whether more changes follow right away.
    public var hasMore: Bool
    /// The server's epoch. A different epoch than the client knew means the server's database
    /// was replaced or restored: upload everything again, then read from the start.
    public var epoch: String

    /// Creates a page.
    public init(records: [Record], cursor: String, hasMore: Bool, epoch: String) {
        self.records = records
        self.cursor = cursor
        self.hasMore = hasMore
        self.epoch = epoch
    }
}
