import Foundation
import SyncModel

/// What a push decided: the results to answer, and the new states to store.
struct BatchPlan: Sendable {
    /// One result per pushed record, in the order sent.
    var results: [PushResult]
    /// The states to store, each a changed record once, in the order first changed.
    var writes: [Record]
    /// Writes of other devices that were accepted as relays after a restore.
    var relays: [RelayNote]
    /// For each write that is exactly the state a device sent (its push result is `accepted`
    /// without a `record`), that device's id: the write's feed entry is left out of that device's
    /// pages (docs/PROTOCOL.md, "Own pushes"). Writes not listed get no origin.
    var origins: [UUID: String] = [:]
}
