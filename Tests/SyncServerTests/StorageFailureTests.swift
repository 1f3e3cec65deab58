import Foundation
import GRDB
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("Storage that cannot write answers 503 and recovers")
struct StorageFailureTests {
    @Test("A full database answers 503 storageUnavailable, stores nothing, and recovers")
    func diskFull() async throws {
        let queue = try DatabaseQueue()
        let store = try SQLiteRecordStore(writer: queue, random: SeededRandomSource(seed: 3))
        let harness = try TestHarness(seed: 3, store: store)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let note = FieldValue.string(String(repeating: "Hinterhaus, 3. OG links. ", count: 200))
            let records = (0..<20).map { _ in
                TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: device.replica, fields: ["note": note])
            }
            // SQLite answers SQLITE_FULL once the file may not grow: a full disk.
            try await queue.writeWithoutTransaction { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                try db.execute(sql: "PRAGMA max_page_count = \(pages)")
            }
            let refused = try await client.send(
                .post, "/v1/sync/push", token: device.token, json: PushRequest(epoch: nil, records: records))
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.error?.code == "storageUnavailable")
            #expect(try await harness.maxSequence() == 0)
            try await queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = 1073741823") }
            let accepted = try await harness.push(client, device, records)
            #expect(accepted.results.allSatisfy { $0.status == .accepted })
            #expect(try await harness.maxSequence() == 20)
        }
    }

    @Test("A new database file is created readable by its owner only, in WAL mode with synchronous=FULL")
    func fileModeAndDurability() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sync.sqlite").path
        let store = try SQLiteRecordStore(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let (mode, synchronous) = try await store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(synchronous == 2)
        try store.close()
    }

    @Test("Changes use the scope and sequence indexes, never a table scan", arguments: [
        "SELECT sequence, state FROM records INDEXED BY records_cohort_sequence WHERE cohort = 'c' AND sequence > 0 ORDER BY sequence LIMIT 5",
        "SELECT sequence, state FROM records INDEXED BY records_scope_sequence WHERE cohort = 'c' AND scope = 'shared' AND sequence > 0 ORDER BY sequence LIMIT 5",
    ])
    func queryPlans(sql: String) async throws {
        let store = try SQLiteRecordStore.inMemory()
        let plan = try await store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
        }
        #expect(plan.allSatisfy { !$0.contains("SCAN records") && !$0.contains("TEMP B-TREE") }, "\(plan)")
        #expect(plan.contains { $0.contains("USING INDEX") || $0.contains("USING COVERING INDEX") })
    }
}
