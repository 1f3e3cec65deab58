import SyncModel

/// The `scope` column every store keeps beside a record, so that a participant's feed is two
/// index range scans: the cohort's shared records and the participant's own.
enum FeedScope {
    /// The scope of shared records.
    static let shared = "shared"

    /// The scope of records owned by `owner`.
    static func owner(_ owner: String) -> String { "owner:" + owner }

    /// The scope of `record`.
    static func of(_ record: SyncModel.Record) -> String {
        RecordCollection.isShared(record.collection) ? shared : owner(record.owner)
    }

    /// The two scopes a participant reads.
    static func readable(by owner: String) -> [String] { [shared, self.owner(owner)] }
}
