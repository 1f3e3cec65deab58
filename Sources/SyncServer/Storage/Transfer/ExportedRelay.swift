import Foundation
import SyncModel

/// A stored relay note with its sequence and time.
struct ExportedRelay: Sendable {
    /// The note.
    var note: RelayNote
    /// The sequence of the state it wrote.
    var sequence: Int64
    /// When it was relayed.
    var relayedAt: Timestamp
}
