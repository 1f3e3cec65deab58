import Crypto
import Foundation
import GRDB

extension LocalStore {
    /// Writes this plain store's content, sealed under `key`, into a new store at `copyPath`
    /// (replacing a leftover of an interrupted run), closes it, and returns the number of records.
    func writeEncryptedCopy(to copyPath: String, key: SymmetricKey, envelope: StoreKeyEnvelope) throws -> Int {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copyPath + suffix) }
        guard let device = try device() else { throw FieldClientError(.unauthorized, EncryptionTexts.text(.notJoinedYet)) }
        let state = try syncState()
        let copy = try LocalStore.open(at: copyPath).with(.sealed(StoreCipher(key: key)))
        try copy.saveEnrollment(device, epoch: state.epoch ?? "", surveys: try surveys(), newEncryption: envelope)
        var count = 0
        try writer.read { source in
            try copy.writer.write { db in
                let insert = try db.makeStatement(
                    sql: """
                        INSERT INTO records (id, collection, survey, survey_version, owner, state, conflicted, review,
                            revision, synced_revision, rejection, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                let rows = try Row.fetchCursor(source, sql: "SELECT * FROM records")
                while let row = try rows.next() {
                    let key: String = row["id"]
                    let record = try decodeState(row["state"], key: key)
                    let rejection = try (row["rejection"] as String?).map { try copy.rejectionValue($0, key: key) }
                    try insert.execute(arguments: [
                        key, row["collection"], row["survey"], row["survey_version"], row["owner"],
                        try copy.stateValue(record), Self.conflictFlag(record), ReviewMark(record).rawValue, row["revision"], row["synced_revision"], rejection, row["created_at"],
                    ])
                    count += 1
                }
                try db.execute(
                    sql: "UPDATE sync_state SET epoch = ?, pending_epoch = ?, cursor = ?, last_sync_at = ? WHERE id = 1",
                    arguments: [
                        state.epoch, state.pendingEpoch, state.cursor, state.lastSyncAt?.millisecondsSince1970,
                    ])
            }
        }
        try copy.close()
        return count
    }

    /// Checkpoints and closes the database, so that no -wal or -shm file is left.
    func close() throws {
        guard let pool = writer as? DatabasePool else { return }
        _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try pool.close()
    }
}
