import Foundation
import SyncModel

/// A stored record with its feed sequence and time, as `syncserver migrate` moves it; the
/// destination derives its columns and stored form from the record (``RecordRow``).
struct ExportedRecord: Sendable {
    /// The record, decoded from whichever form the source stores.
    var record: SyncModel.Record
    /// The feed sequence.
    var sequence: Int64
    /// When it was last written.
    var updatedAt: Timestamp

    /// The row that stores this record at the destination, in the binary form and without an origin.
    var row: RecordRow {
        RecordRow(record, sequence: sequence, state: StoredState.encode(record), updatedAt: updatedAt, origin: nil)
    }
}
