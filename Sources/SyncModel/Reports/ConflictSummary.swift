import Foundation

/// A record with open conflicts, as listed in a report.
public struct ConflictSummary: Codable, Hashable, Sendable {
    /// The record id.
    public var id: UUID
    /// The record's collection.
    public var collection: String
    /// The record's owner.
    public var owner: String
    /// The fields with several siblings, in name order.
    public var fields: [String]
    /// Whether a delete is contested by a restore or by an edit the deleter had not seen.
    public var deletionContested: Bool

    /// Summarizes `record`'s `conflicts`.
    public init(record: Record, conflicts: [Conflict]) {
        id = record.id
        collection = record.collection
        owner = record.owner
        fields = conflicts.compactMap(\.fieldName)
        deletionContested = conflicts.contains { $0.fieldName == nil }
    }
}
