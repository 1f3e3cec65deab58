import Foundation
import SyncModel

/// A record this device learnt was erased during a sync: its content is gone from the store.
struct ErasedRecordNotice: Hashable, Sendable, Codable {
    /// The record id.
    var id: UUID
    /// The erasure: who, when, why.
    var erasure: Erasure
    /// How many local changes that were not yet synced were discarded with the content.
    var discardedChanges: Int64

    /// The notice for a record whose local state `local` became erased by `erasure`.
    init(id: UUID, erasure: Erasure, local: StoredRecord?) {
        self.id = id
        self.erasure = erasure
        if let local, local.syncedRevision >= 0, local.revision > local.syncedRevision {
            discardedChanges = local.revision - local.syncedRevision
        } else {
            discardedChanges = 0
        }
    }
}
