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

    /// One clock for every device of a review test, so that review messages are ordered as they are written.
    static let clock = SteppingClock()

    /// Anna (participant) with a final and a draft response, and Tina (trainer), both encrypted unless `encrypted` is false.
    static func annaAndTina(encrypted: Bool = true) throws -> (anna: TestDevice, tina: TestDevice, final: UUID, draft: UUID) {
        let survey = try Fixtures.survey()
        let anna = try TestDevice(participant: "anna", replicaSeed: 1, surveys: [survey], clock: clock, encrypted: encrypted)
        let tina = try TestDevice(
            participant: "tina", replicaSeed: 2, surveys: [survey], clock: clock, encrypted: encrypted, role: .trainer)
        let final = try anna.records.createResponse(survey: survey, answers: Fixtures.finalAnswers, finalize: true, household: nil)
        let draft = try anna.records.createResponse(survey: survey, answers: ["haushalt": 2], finalize: false, household: nil)
        return (anna, tina, final.id, draft.id)
    }

    /// Brings the current states of `ids` from `source` into `target`, as a pulled page does.
    static func pull(_ ids: [UUID], from source: TestDevice, into target: TestDevice) throws {
        let records = try ids.map { id in try #require(try source.store.record(id: id)).record }
        try target.store.applyPage(
            ChangesPage(records: records, cursor: UUID().uuidString, hasMore: false, epoch: "epoch-1"),
            now: Timestamp(millisecondsSince1970: 0))
    }

    /// `status`'s review counts for `device` [open questions, waiting for review], checked against
    /// the same counts taken by decoding every record.
    static func reviewCounts(_ device: TestDevice, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Int] {
        let summary = try device.store.summary(for: device.identity)
        let records = try device.store.records().map(\.record)
        let decoded = [
            ReviewQueue.openQuestions(records, device: device.identity).count,
            device.identity.role == .trainer ? ReviewQueue.waiting(records).count : 0,
        ]
        #expect([summary.openQuestions, summary.waitingForReview] == decoded, sourceLocation: sourceLocation)
        return [summary.openQuestions, summary.waitingForReview]
    }

    @Test("review counts follow the messages of both sides, written here or pulled", arguments: [false, true])
    func reviewCountsFollowMessages(encrypted: Bool) throws {
        let (anna, tina, final, draft) = try Self.annaAndTina(encrypted: encrypted)
        #expect(try Self.reviewCounts(anna) == [0, 0])
        try Self.pull([final, draft], from: anna, into: tina)
        #expect(try Self.reviewCounts(tina) == [0, 1], "the final response waits for review, the draft does not")
        _ = try tina.records.review(final, kind: .ask, text: "Haushaltsgröße?")
        #expect(try Self.reviewCounts(tina) == [1, 0], "a trainer counts every open question")
        #expect(try Self.reviewCounts(anna) == [0, 0], "not pulled yet")
        try Self.pull([final], from: tina, into: anna)
        #expect(try Self.reviewCounts(anna) == [1, 0])
        _ = try anna.records.review(final, kind: .reply, text: "Drei")
        #expect(try Self.reviewCounts(anna) == [0, 0])
        try Self.pull([final], from: anna, into: tina)
        #expect(try Self.reviewCounts(tina) == [0, 1], "the reply waits for the trainer")
        _ = try tina.records.review(final, kind: .close, text: "Danke")
        #expect(try Self.reviewCounts(tina) == [0, 0])
        // Another participant's open question in Anna's store is not hers to answer.
        let survey = try Fixtures.survey()
        let ben = try TestDevice(participant: "ben", replicaSeed: 3, surveys: [survey], clock: Self.clock, encrypted: encrypted)
        let bens = try ben.records.createResponse(survey: survey, answers: Fixtures.finalAnswers, finalize: true, household: nil)
        try Self.pull([bens.id], from: ben, into: tina)
        _ = try tina.records.review(bens.id, kind: .ask, text: "Wann?")
        try Self.pull([bens.id], from: tina, into: anna)
        #expect(try Self.reviewCounts(anna) == [0, 0])
        #expect(try Self.reviewCounts(tina) == [1, 0])
    }

    @Test("a deleted or erased response leaves the review counts, erased here or by a pull")
    func erasureLeavesTheCounts() throws {
        let (anna, tina, final, draft) = try Self.annaAndTina()
        try Self.pull([final, draft], from: anna, into: tina)
        _ = try tina.records.review(final, kind: .ask, text: "Haushaltsgröße?")
        _ = try tina.records.review(draft, kind: .ask, text: "Fertig?")
        try Self.pull([final, draft], from: tina, into: anna)
        #expect(try Self.reviewCounts(anna) == [2, 0])
        _ = try anna.records.delete(draft)
        #expect(try Self.reviewCounts(anna) == [1, 0])
        _ = try tina.records.erase(final)
        #expect(try Self.reviewCounts(tina) == [1, 0], "only the draft's question is left")
        try Self.pull([final], from: tina, into: anna)
        #expect(try Self.reviewCounts(anna) == [0, 0])
        #expect(try anna.store.record(id: final)?.record.isErased == true)
    }

    @Test("a store from before the review column gets it filled once it is unlocked, and counts right", arguments: [false, true])
    func reviewColumnOfAnOlderStore(encrypted: Bool) throws {
        let (anna, tina, final, draft) = try Self.annaAndTina(encrypted: encrypted)
        try Self.pull([final, draft], from: anna, into: tina)
        _ = try tina.records.review(draft, kind: .ask, text: "Fertig?")
        // As a v3 store left it: the review column added by v4-review, unknown for every row.
        try tina.store.writer.write { db in try db.execute(sql: "UPDATE records SET review = NULL") }
        if encrypted { #expect(throws: StoreLockedError.self) { try tina.store.with(.locked).summary(for: tina.identity) } }
        #expect(try Self.reviewCounts(tina) == [1, 1])
        let unknown = try tina.store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE review IS NULL") }
        #expect(unknown == 0)
        let locked = try tina.store.with(.locked).summary(for: tina.identity)
        #expect(locked.openQuestions == 1 && locked.waitingForReview == 1, "once filled, no state is read again")
    }

    @Test("the v4-review migration adds the review column to a v3 store, keeping its rows and their counts")
    func migrationFromV3() throws {
        let queue = try DatabaseQueue()
        try LocalStore.migrator.migrate(queue, upTo: "v3-summary")
        var record = Record(
            id: UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, collection: RecordCollection.responses,
            cohort: "kurs", owner: "anna")
        record.write(ResponseField.status, .string(ResponseStatus.final.rawValue), by: ReplicaID(high: 1, low: 1), at: Timestamp(millisecondsSince1970: 1))
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO records (id, collection, owner, state, conflicted, revision, synced_revision, created_at)
                    VALUES ('00000000-0000-4000-8000-000000000001', 'responses', 'anna', ?, 0, 1, 0, 5)
                    """,
                arguments: [try LocalStore.encode(record)])
        }
        let store = try LocalStore(writer: queue)
        let trainer = try TestDevice(participant: "tina", replicaSeed: 2, surveys: [], role: .trainer).identity
        #expect(try store.summary(for: trainer) == StoreSummary(unsynced: 1, rejected: 0, conflicted: 0, damaged: [], openQuestions: 0, waitingForReview: 1))
    }
}
