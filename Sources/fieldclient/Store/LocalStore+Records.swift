import Foundation
import GRDB
import SyncModel

extension LocalStore {
    /// The record with `id`, or nil.
    func record(id: UUID) throws -> StoredRecord? {
        do {
            return try writer.read { db in try fetchRecord(id: id, db: db) }
        } catch let error as DamagedRecordError {
            try noteDamage([error.id])
            throw error
        }
    }

    /// After damaged states were found (`ids`): they are marked for `status`, and the next sync
    /// reads the whole feed again, so that the server's copies replace damaged states (records
    /// this device pushed itself are not in its feed).
    func noteDamage(_ ids: [String]) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE sync_state SET cursor = '' WHERE id = 1")
            let mark = try db.makeStatement(sql: "UPDATE records SET damaged = 1 WHERE id = ?")
            for id in ids { try mark.execute(arguments: [id]) }
        }
    }

    /// The records matching `query`, oldest first, without damaged ones (see `recordsAndDamage`).
    func records(matching query: RecordQuery = RecordQuery()) throws -> [StoredRecord] {
        try recordsAndDamage(matching: query).records
    }

    /// The records matching `query`, oldest first, and the ids of those whose sealed state is
    /// damaged (skipped, so that the others stay usable).
    func recordsAndDamage(matching query: RecordQuery = RecordQuery()) throws -> (records: [StoredRecord], damaged: [String]) {
        var records: [StoredRecord] = []
        let damaged = try forEachRecord(matching: query) { record in
            records.append(record)
            return true
        }
        return (records, damaged)
    }

    /// Calls `body` with each record matching `query`, in the query's order, decoding one at a time
    /// from a database cursor so that a large store is never loaded whole, until `body` returns
    /// false. Returns the ids of records whose sealed state is damaged (skipped, and marked).
    @discardableResult
    func forEachRecord(matching query: RecordQuery, _ body: (StoredRecord) throws -> Bool) throws -> [String] {
        if query.conflictedOnly { try fillSummary() }
        var sql = "SELECT id, state, revision, synced_revision, rejection FROM records WHERE 1"
        var arguments: StatementArguments = []
        if let collection = query.collection {
            sql += " AND collection = ?"
            arguments += [collection]
        }
        if query.pendingOnly { sql += " AND revision > synced_revision" }
        if query.conflictedOnly { sql += " AND conflicted = 1" }
        sql += query.newestFirst ? " ORDER BY created_at DESC, id DESC" : " ORDER BY created_at, id"
        let damaged: [String] = try writer.read { db in
            var damaged: [String] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let record: StoredRecord
                do {
                    record = try storedRecord(from: row)
                } catch let error as DamagedRecordError {
                    damaged.append(error.id)
                    continue
                }
                if try !body(record) { break }
            }
            return damaged
        }
        if !damaged.isEmpty { try noteDamage(damaged) }
        return damaged
    }

    /// Finds the one record whose id starts with `text` (full UUID, or at least 6 hex digits).
    func resolveID(_ text: String, collection: String? = nil) throws -> UUID {
        let needle = text.lowercased().filter { $0 != "-" }
        guard needle.count >= 6, needle.allSatisfy(\.isHexDigit) else {
            throw FieldClientError(.usage, Texts.current("error.notAnID", ["text": String(text.prefix(40))]))
        }
        var sql = "SELECT id FROM records WHERE replace(id, '-', '') LIKE ? || '%'"
        var arguments: StatementArguments = [needle]
        if let collection {
            sql += " AND collection = ?"
            arguments += [collection]
        }
        let matches = try writer.read { db in try String.fetchAll(db, sql: sql + " LIMIT 2", arguments: arguments) }
        let kind = collection == RecordCollection.households ? "household" : "record"
        guard let first = matches.first, let id = UUID(uuidString: first) else {
            throw FieldClientError(.notFound, Texts.current("error.noID." + kind, ["text": text]))
        }
        guard matches.count == 1 else {
            throw FieldClientError(.notFound, Texts.current("error.ambiguousID." + kind, ["text": text]))
        }
        return id
    }

    /// Stores a record created on this device as a local change.
    func insertLocal(_ record: Record, createdAt: Timestamp) throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO records (id, collection, survey, survey_version, owner, state, conflicted, review,
                        revision, synced_revision, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?)
                    """,
                arguments: [
                    Self.key(record.id), record.collection, record.survey, record.surveyVersion, record.owner,
                    try stateValue(record), Self.conflictFlag(record), ReviewMark(record).rawValue,
                    createdAt.millisecondsSince1970,
                ])
        }
    }

    /// Changes a record locally in one transaction: `change` gets the current state and returns
    /// the new one, or throws to change nothing. The record becomes pending. An erased record
    /// cannot change (unless `allowErased`, for erasing it again, which changes nothing).
    @discardableResult
    func update(id: UUID, allowErased: Bool = false, _ change: (Record) throws -> Record) throws -> Record {
        try writer.write { db in
            guard let stored = try fetchRecord(id: id, db: db) else {
                throw FieldClientError(.notFound, Texts.current("error.recordMissing", ["id": id.uuidString.lowercased()]))
            }
            if let erasure = stored.record.erasure, !allowErased {
                throw FieldClientError(
                    .notFound,
                    Texts.current(
                        "error.recordErased",
                        ["id": String(Self.key(id).prefix(8)), "by": erasure.erasedBy,
                         "reason": erasure.reasonText(in: Texts.current.catalog)]))
            }
            let changed = try change(stored.record)
            guard changed != stored.record else { return changed }
            try db.execute(
                sql: "UPDATE records SET state = ?, conflicted = ?, review = ?, damaged = 0, revision = revision + 1 WHERE id = ?",
                arguments: [try stateValue(changed), Self.conflictFlag(changed), ReviewMark(changed).rawValue, Self.key(id)])
            return changed
        }
    }

    /// The number of records with changes the server has not accepted yet.
    func pendingCount() throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE revision > synced_revision") ?? 0
        }
    }

    /// The `conflicted` column's value for `record`: 1 when it has open conflicts.
    static func conflictFlag(_ record: Record) -> Int { record.hasConflicts ? 1 : 0 }

    /// The text key of a record id: the lowercase UUID.
    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// Reads one record in an open transaction; `DamagedRecordError` when its sealed state is damaged.
    func fetchRecord(id: UUID, db: Database) throws -> StoredRecord? {
        // Cached: pulling a page and applying push results call this once per record.
        let select = try db.cachedStatement(
            sql: "SELECT id, state, revision, synced_revision, rejection FROM records WHERE id = ?")
        return try Row.fetchOne(select, arguments: [Self.key(id)]).map(storedRecord(from:))
    }

    /// Decodes a row of `id, state, revision, synced_revision, rejection`.
    func storedRecord(from row: Row) throws -> StoredRecord {
        let key: String = row["id"]
        return StoredRecord(
            record: try decodeState(row["state"], key: key), revision: row["revision"],
            syncedRevision: row["synced_revision"], rejection: try rejection(from: row["rejection"], key: key))
    }
}
