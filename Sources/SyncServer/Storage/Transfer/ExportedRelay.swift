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

    /// The columns of ``values``, in order.
    static let columns = "record_id, device_id, epoch, replicas, sequence, relayed_at"

    /// The values of ``columns``.
    var values: [StoreValue] {
        [
            .uuid(note.recordID), .text(note.deviceID), .text(note.epoch), .text(note.replicaList), .int(sequence),
            .int(relayedAt.millisecondsSince1970),
        ]
    }
}

extension ExportedRelay {
    /// The note in a row of ``columns``; nil when its record id is not a UUID.
    init?(row: StoreRow) throws {
        guard
            let note = RelayNote(
                recordID: try row.text(0), deviceID: try row.text(1), epoch: try row.text(2), replicaList: try row.text(3))
        else { return nil }
        self.init(note: note, sequence: try row.int(4), relayedAt: try row.time(5))
    }
}
