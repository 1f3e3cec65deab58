import Foundation

/// A page of changes whose record states are already wire JSON, ready to be spliced into the
/// answer (the stores transcode binary stored states with ``StoredState/wireJSON(_:)``).
struct EncodedChangesPage: Sendable {
    /// The wire JSON of each record state, oldest change first.
    var states: [Data]
    /// The sequence to resume after.
    var cursor: Int64
    /// Whether more changes follow.
    var hasMore: Bool
    /// The epoch, read in the same snapshot as the page.
    var epoch: String
}
