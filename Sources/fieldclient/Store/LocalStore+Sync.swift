import Foundation
import GRDB
import SyncModel

extension LocalStore {
    /// The sync state.
    func syncState() throws -> SyncState {
        try writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT * FROM sync_state WHERE id = 1")!
            return SyncState(
                epoch: row["epoch"], pendingEpoch: row["pending_epoch"], cursor: row["cursor"],
                lastSyncAt: (row["last_sync_at"] as Int64?).map { Timestamp(millisecondsSince1970: $0) })
        }
    }

    /// Up to `limit` pending records with an id after `afterID`, by id.
    func pendingBatch(after afterID: String?, limit: Int) throws -> [StoredRecord] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, state, revision, synced_revision, rejection FROM records
                    WHERE revision > synced_revision AND id > ? ORDER BY id LIMIT ?
                    """,
                arguments: [afterID ?? "", limit]
            ).compactMap { row in
                // A damaged state cannot be sent; the record waits for the server's copy.
                try? storedRecord(from: row)
            }
        }
    }

    /// Applies a push response to the records that were sent, in one transaction.
    ///
    /// An accepted record takes the server's merged state (merged with any local change made
    /// since) and stops being pending unless it changed after it was sent. A record the server
    /// answers erased loses its content and every unsynced change at once (`PushOutcome.erased`). A rejected record
    /// keeps its state and stays pending, with the server's message.
    func applyPushResults(sent: [StoredRecord], results: [PushResult]) throws -> PushOutcome {
        try writer.write { db in
            var outcome = PushOutcome()
            let accept = try db.makeStatement(
                sql: """
                    UPDATE records SET state = ?, conflicted = ?, review = ?, damaged = 0,
                        synced_revision = max(synced_revision, ?),
                        rejection = NULL
                    WHERE id = ?
                    """)
            // The server omits the merged state when it equals the sent one: then the local state
            // (the sent one, or a later local edit of it) stays as it is, without decoding it.
            let acknowledge = try db.makeStatement(
                sql: "UPDATE records SET synced_revision = max(synced_revision, ?), rejection = NULL WHERE id = ?")
            let reject = try db.makeStatement(sql: "UPDATE records SET rejection = ? WHERE id = ?")
            let erase = try db.makeStatement(sql: Self.eraseStatement)
            for (stored, result) in zip(sent, results) {
                let id = stored.record.id
                switch result.status {
                case .accepted where result.record == nil:
                    try acknowledge.execute(arguments: [stored.revision, Self.key(id)])
                    if db.changesCount > 0 { outcome.accepted += 1 }
                case .accepted:
                    guard let current = try fetchRecord(id: id, db: db) else { continue }
                    var state = current.record
                    if let merged = result.record { try state.merge(merged) }
                    if let erasure = state.erasure, !current.record.isErased {
                        // Erased elsewhere: the content goes at once, with the edits made since.
                        try erase.execute(arguments: [try stateValue(state), Self.key(id)])
                        outcome.erased.append(ErasedRecordNotice(id: id, erasure: erasure, local: current))
                    } else {
                        try accept.execute(arguments: [
                            try stateValue(state), Self.conflictFlag(state), ReviewMark(state).rawValue, stored.revision,
                            Self.key(id),
                        ])
                    }
                    outcome.accepted += 1
                case .rejected:
                    let message = result.error?.message ?? Texts.current("sync.rejectedWithoutReason")
                    try reject.execute(arguments: [try rejectionValue(message, key: Self.key(id)), Self.key(id)])
                    outcome.rejected.append(RejectedRecord(id: id, message: message))
                }
            }
            return outcome
        }
    }

    /// Merges one page of changes and advances the cursor, in one transaction.
    ///
    /// Records whose identity does not match the local state are skipped; records that arrive
    /// erased lose their content and every unsynced change at once (`PageOutcome`).
    @discardableResult
    func applyPage(_ page: ChangesPage, now: Timestamp) throws -> PageOutcome {
        try writer.write { db in
            var outcome = PageOutcome()
            let erase = try db.makeStatement(sql: Self.eraseStatement)
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO records (id, collection, survey, survey_version, owner, state, conflicted, review,
                        revision, synced_revision, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)
                    """)
            let update = try db.makeStatement(sql: "UPDATE records SET state = ?, conflicted = ?, review = ? WHERE id = ?")
            // A damaged local state is replaced by the server's copy; its unsynced changes are lost.
            let restore = try db.makeStatement(
                sql: """
                    UPDATE records SET state = ?, conflicted = ?, review = ?, damaged = 0, revision = 0, synced_revision = 0,
                        rejection = NULL
                    WHERE id = ?
                    """)
            // One query finds which of the page's records this store holds already; only those are
            // read and merged. A trainer's first sync holds none, and reading 100,000 absent records
            // one by one was an eighth of its time.
            let keys = page.records.map { Self.key($0.id) }
            var held = keys.isEmpty
                ? Set<String>()
                : Set(try String.fetchAll(
                    db, sql: "SELECT id FROM records WHERE id IN (\(databaseQuestionMarks(count: keys.count)))",
                    arguments: StatementArguments(keys)))
            for (incoming, key) in zip(page.records, keys) {
                let local: StoredRecord?
                do {
                    local = held.contains(key) ? try fetchRecord(id: incoming.id, db: db) : nil
                } catch is DamagedRecordError {
                    try restore.execute(arguments: [
                        try stateValue(incoming), Self.conflictFlag(incoming), ReviewMark(incoming).rawValue,
                        Self.key(incoming.id),
                    ])
                    continue
                }
                if let existing = local {
                    guard let merged = try? existing.record.merging(incoming) else {
                        outcome.skipped.append(incoming.id)
                        continue
                    }
                    if let erasure = merged.erasure, !existing.record.isErased {
                        try erase.execute(arguments: [try stateValue(merged), Self.key(incoming.id)])
                        outcome.erased.append(ErasedRecordNotice(id: incoming.id, erasure: erasure, local: existing))
                    } else if merged != existing.record {
                        try update.execute(arguments: [
                            try stateValue(merged), Self.conflictFlag(merged), ReviewMark(merged).rawValue,
                            Self.key(incoming.id),
                        ])
                    }
                } else {
                    let created: Int64 =
                        if case .integer(let value) = incoming.value(of: ResponseField.createdAt) { value } else {
                            incoming.lastModified?.millisecondsSince1970 ?? now.millisecondsSince1970
                        }
                    try insert.execute(arguments: [
                        key, incoming.collection, incoming.survey, incoming.surveyVersion,
                        incoming.owner, try stateValue(incoming), Self.conflictFlag(incoming),
                        ReviewMark(incoming).rawValue, created,
                    ])
                    held.insert(key)
                }
            }
            try db.execute(sql: "UPDATE sync_state SET cursor = ? WHERE id = 1", arguments: [page.cursor])
            return outcome
        }
    }

    /// Replaces a record's state by its erased state and drops its unsynced changes and rejection;
    /// an erased record has no fields left, so no conflict and no review thread.
    static let eraseStatement =
        "UPDATE records SET state = ?, conflicted = 0, review = 'none', damaged = 0, "
        + "synced_revision = max(revision, synced_revision), rejection = NULL WHERE id = ?"

    /// Copies the WAL into the database file and truncates it, so that no page of an erased
    /// record's old state stays in the `-wal` file (`secure_delete` zeroes it in the database file).
    func truncateJournal() throws {
        guard let pool = writer as? DatabasePool else { return }
        try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// Starts over after the server's epoch changed: every record pending, the cursor reset,
    /// the new epoch remembered until everything is uploaded again.
    func beginEpochChange(to epoch: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE records SET synced_revision = -1")
            try db.execute(sql: "UPDATE sync_state SET pending_epoch = ?, cursor = '' WHERE id = 1", arguments: [epoch])
        }
    }

    /// Adopts the pending epoch once everything was uploaded again.
    func adoptPendingEpoch() throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE sync_state SET epoch = pending_epoch, pending_epoch = NULL WHERE id = 1 AND pending_epoch IS NOT NULL")
        }
    }

    /// Records a successful sync.
    func markSynced(at time: Timestamp) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE sync_state SET last_sync_at = ? WHERE id = 1", arguments: [time.millisecondsSince1970])
        }
    }
}
