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
    /// The stored form of writes that are exactly a sent state, encoded before the transaction
    /// (`PushPlanner.precheck`); stores encode the other writes themselves.
    var encodedStates: [UUID: Data] = [:]

    /// The stored form of `record`, one of ``writes``: the one encoded before, or a new encoding.
    func storedState(of record: Record) -> Data {
        encodedStates[record.id] ?? StoredState.encode(record)
    }

    /// The rows that store ``writes``, numbered from `firstSequence`, each with its stored form and
    /// its origin from ``origins``.
    func rows(firstSequence: Int64, at time: Timestamp) -> [RecordRow] {
        writes.enumerated().map { offset, record in
            RecordRow(
                record, sequence: firstSequence + Int64(offset), state: storedState(of: record), updatedAt: time,
                origin: origins[record.id])
        }
    }
}
