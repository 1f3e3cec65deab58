import Foundation
import GRDB
import SyncModel
import Testing
@testable import fieldclient

/// `status`'s counts from plain columns, and streaming reads of a store in either order.
@Suite("Store summary and streaming reads")
struct StoreSummaryTests {
    /// A device with `count` draft responses, the second of which is in conflict with another replica's edit.
    static func deviceWithConflict(count: Int = 4, encrypted: Bool = true) throws -> (TestDevice, [UUID]) {
        let survey = try Fixtures.survey()
        let device = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey], encrypted: encrypted)
        var ids: [UUID] = []
        for index in 0..<count {
            let record = try device.records.createResponse(
                survey: survey, answers: ["haushalt": .integer(Int64(index + 1))], finalize: false, household: nil)
            ids.append(record.id)
        }
        let base = try #require(try device.store.record(id: ids[1])).record
        var theirs = base
        theirs.write("haushalt", 5, by: ReplicaID(high: 7, low: 7), at: Timestamp(millisecondsSince1970: 1_800_000_000_000))
        try device.records.edit(ids[1], changes: ["haushalt": 6])
        try device.store.applyPage(ChangesPage(records: [theirs], cursor: "1", hasMore: false, epoch: "epoch-1"), now: Timestamp(millisecondsSince1970: 0))
        #expect(try device.store.record(id: ids[1])?.record.hasConflicts == true)
        return (device, ids)
    }

    @Test("the summary counts unsynced, rejected and conflicted records without opening a state (the store stays locked)")
    func summaryOfALockedStore() throws {
        let (device, ids) = try Self.deviceWithConflict()
        _ = try device.store.applyPushResults(
            sent: [try #require(try device.store.record(id: ids[0]))],
            results: [PushResult(id: ids[0], status: .rejected, error: ErrorDetail(code: "invalidAnswer", message: "zu groß"))])
        let locked = device.store.with(.locked)
        #expect(throws: StoreLockedError.self) { try locked.records() }
        let summary = try locked.summary()
        #expect(summary == StoreSummary(unsynced: 4, rejected: 1, conflicted: 1, damaged: []))
    }

    @Test("a store from before the summary columns is upgraded: its conflicts are counted once it is unlocked", arguments: [false, true])
    func upgradeOfAnOlderStore(encrypted: Bool) throws {
        let (device, ids) = try Self.deviceWithConflict(encrypted: encrypted)
        // As an older fieldclient left it: no flag known for any row.
        try device.store.writer.write { db in try db.execute(sql: "UPDATE records SET conflicted = NULL") }
        if encrypted { #expect(throws: StoreLockedError.self) { try device.store.with(.locked).summary() } }
        #expect(try device.store.summary().conflicted == 1)
        let unknown = try device.store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE conflicted IS NULL")
        }
        #expect(unknown == 0)
        #expect(try device.store.with(.locked).summary().conflicted == 1, "once filled, no state is read again")
        #expect(try device.store.records(matching: RecordQuery(conflictedOnly: true)).map(\.record.id) == [ids[1]])
    }

    @Test("the v3-summary migration adds the columns to a store written by the v2 schema, keeping its rows")
    func migrationFromV2() throws {
        let queue = try DatabaseQueue()
        try LocalStore.migrator.migrate(queue, upTo: "v2-encryption")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO records (id, collection, owner, state, revision, synced_revision, created_at)
                    VALUES ('00000000-0000-4000-8000-000000000001', 'responses', 'anna', ?, 1, 0, 5)
                    """,
                arguments: [try LocalStore.encode(Record(
                    id: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, collection: RecordCollection.responses,
                    cohort: "kurs", owner: "anna"))])
        }
        let store = try LocalStore(writer: queue)
        #expect(try store.summary() == StoreSummary(unsynced: 1, rejected: 0, conflicted: 0, damaged: []))
        #expect(try store.records().count == 1)
    }

    @Test("a damaged state found by a read is named by the summary until the server's copy replaces it")
    func damageIsRemembered() throws {
        let (device, ids) = try Self.deviceWithConflict()
        let key = LocalStore.key(ids[2])
        try device.store.writer.write { db in
            var sealed = try #require(try Data.fetchOne(db, sql: "SELECT state FROM records WHERE id = ?", arguments: [key]))
            sealed[sealed.count - 20] ^= 0x01
            try db.execute(sql: "UPDATE records SET state = ? WHERE id = ?", arguments: [sealed, key])
        }
        #expect(try device.store.summary().damaged == [], "not known before a command reads the record")
        #expect(try device.store.recordsAndDamage().damaged == [key])
        #expect(try device.store.summary().damaged == [key])
        var copy = Record(
            id: ids[2], collection: RecordCollection.responses, cohort: "kurs", survey: "nachbarschaft-2026", surveyVersion: 1,
            owner: "anna")
        copy.write("haushalt", 3, by: ReplicaID(high: 1, low: 1), at: Timestamp(millisecondsSince1970: 1))
        try device.store.applyPage(ChangesPage(records: [copy], cursor: "2", hasMore: false, epoch: "epoch-1"), now: Timestamp(millisecondsSince1970: 0))
        #expect(try device.store.summary().damaged == [])
    }

    @Test("records stream newest first, and a reader that stops early reads no further", arguments: [1, 3, 10])
    func newestFirst(limit: Int) throws {
        let (device, ids) = try Self.deviceWithConflict(count: 6)
        var seen: [UUID] = []
        try device.store.forEachRecord(matching: RecordQuery(collection: RecordCollection.responses, newestFirst: true)) { stored in
            seen.append(stored.record.id)
            return seen.count < limit
        }
        #expect(seen == Array(ids.reversed().prefix(limit)))
    }
}
