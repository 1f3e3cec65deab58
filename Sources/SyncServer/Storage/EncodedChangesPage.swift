import Foundation

/// A page of changes whose record states are still the stored JSON, so that serving a page
/// needs no decoding and re-encoding.
struct EncodedChangesPage: Sendable {
    /// The stored JSON of each record state, oldest change first.
    var states: [Data]
    /// The sequence to resume after.
    var cursor: Int64
    /// Whether more changes follow.
    var hasMore: Bool
    /// The epoch, read in the same snapshot as the page.
    var epoch: String
}
