import Foundation
import GRDB
import SyncModel

extension LocalStore {
    /// Calls `body` with every record of `collection`, oldest first, decoding one at a time
    /// from a database cursor, so that a large store is never loaded whole.
    func forEachRecord(collection: String, _ body: (Record) throws -> Void) throws {
        try writer.read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT id, state FROM records WHERE collection = ? ORDER BY created_at, id", arguments: [collection])
            while let row = try rows.next() {
                try body(try decodeState(row["state"], key: row["id"]))
            }
        }
    }
}
