import Foundation
import SyncModel

/// Makes new record ids and replica ids; inject a deterministic one in tests.
struct IdentifierSource: Sendable {
    /// Makes a record id.
    var makeUUID: @Sendable () -> UUID
    /// Makes a replica id.
    var makeReplica: @Sendable () -> ReplicaID

    /// Random ids from the system generator.
    static let system = IdentifierSource(makeUUID: { UUID() }, makeReplica: { ReplicaID.makeRandom() })
}
