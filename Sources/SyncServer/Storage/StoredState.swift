import Foundation
import SyncModel

/// The one place where the stores turn records into stored states and stored states back into
/// records or wire JSON.
///
/// States are written in the compact binary form (``StoredRecordEncoding``). Databases written
/// before it hold JSON states (first byte `{`); both forms are read everywhere, so no migration
/// rewrites them: a record moves to the binary form the next time it changes. Everything that
/// is written as JSON (the changes page) goes through ``writeWireJSON(_:to:)``; reports, exports
/// and `syncserver migrate` read records with ``record(from:)``.
enum StoredState {
    /// The stored form of `record`.
    static func encode(_ record: SyncModel.Record) -> Data {
        Data(StoredRecordEncoding.encode(record))
    }

    /// The record a stored state holds, in either form.
    static func record(from state: Data) throws -> SyncModel.Record {
        try StoredRecordEncoding.decodeStoredState(state)
    }

    /// Writes the wire JSON of a stored state: the codec entry point of every response that
    /// carries stored states. JSON states are spliced in unchanged, binary ones decoded and written.
    static func writeWireJSON(_ state: Data, to writer: inout JSONWriter) throws {
        if StoredRecordEncoding.isBinaryForm(state) {
            try StoredRecordEncoding.decode(state).writeJSON(to: &writer)
        } else {
            writer.writeJSON(state)
        }
    }
}
