import Foundation
import SyncModel

/// The one place where the stores turn records into stored states and stored states back into
/// records or wire JSON.
///
/// States are written in the compact binary form (``StoredRecordEncoding``). Databases written
/// before it hold JSON states (first byte `{`); both forms are read everywhere, so no migration
/// rewrites them: a record moves to the binary form the next time it changes. Everything that
/// leaves a store as JSON (pages, `syncserver migrate`'s transfer) goes through ``wireJSON(_:)``.
enum StoredState {
    /// The stored form of `record`.
    static func encode(_ record: SyncModel.Record) -> Data {
        Data(StoredRecordEncoding.encode(record))
    }

    /// The record a stored state holds, in either form.
    static func record(from state: Data) throws -> SyncModel.Record {
        try StoredRecordEncoding.decodeStoredState(state)
    }

    /// The wire JSON of a stored state: JSON states unchanged, binary ones decoded and encoded.
    static func wireJSON(_ state: Data) throws -> Data {
        if !StoredRecordEncoding.isBinaryForm(state) { return state }
        return Data(try FastJSON.encode(StoredRecordEncoding.decode(state), capacity: state.count * 4))
    }
}
