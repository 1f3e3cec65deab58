import SyncModel

/// What `syncserver erase --json` prints: the erased record's identity and its erasure, no content.
struct ErasureSummary: Codable, Equatable {
    /// The record id.
    var id: String
    /// The cohort.
    var cohort: String
    /// The collection.
    var collection: String
    /// Who erased it (the first erasure, when it was erased before).
    var erasedBy: String
    /// When, in milliseconds since 1970.
    var erasedAt: Int64
    /// Why.
    var reason: String

    /// The summary of an erased state.
    init(_ record: Record) {
        id = record.id.uuidString
        cohort = record.cohort
        collection = record.collection
        erasedBy = record.erasure?.erasedBy ?? ""
        erasedAt = record.erasure?.erasedAt.millisecondsSince1970 ?? 0
        reason = record.erasure?.reason ?? ""
    }
}
