import Foundation
import GRDB
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

/// A database file on a real full disk, or made read-only under the running server: pushes get
/// 503 storageUnavailable, nothing is half-written, reads go on, and writing resumes once the
/// storage can write again. (StorageFailureTests covers the same with SQLite's max_page_count.)
@Suite("Real full disks and read-only database files", .serialized)
struct RealStorageFaultTests {
    /// Twenty doors with a 5 KB note each, about 100 KB of pages.
    private static func doors(for device: EnrolledDevice) -> [SyncModel.Record] {
        let note = FieldValue.string(String(repeating: "Hinterhaus, 3. OG links. ", count: 200))
        return (0..<20).map { _ in
            TestFixtures.household(cohort: "wedding", owner: device.participant, replica: device.replica, fields: ["note": note])
        }
    }

    /// Runs the scenario: a first push lands; `breakStorage` breaks the storage; a push is refused
    /// with 503 and changes nothing while reads still answer; `repair` repairs it; a push lands again.
    private func refuseAndRecover(
        path: String, breakStorage: @escaping @Sendable () throws -> Void, repair: @escaping @Sendable () throws -> Void
    ) async throws {
        let store = try SQLiteRecordStore(path: path, random: SeededRandomSource(seed: 6))
        let harness = try TestHarness(seed: 6, store: store)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let reader = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let first = Self.doors(for: device)
            #expect(try await harness.push(client, device, first).results.allSatisfy { $0.status == .accepted })
            let before = try await harness.maxSequence()
            try breakStorage()
            let refused = try await client.send(
                .post, "/v1/sync/push", token: device.token, json: PushRequest(epoch: nil, records: Self.doors(for: device)))
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.error?.code == "storageUnavailable")
            #expect(refused.error?.message.contains("Nothing was saved") == true)
            #expect(try await harness.maxSequence() == before)
            #expect(Set(try await harness.pullAll(client, reader).records.map(\.id)) == Set(first.map(\.id)))
            try repair()
            let second = Self.doors(for: device)
            #expect(try await harness.push(client, device, second).results.allSatisfy { $0.status == .accepted })
            #expect(try await harness.maxSequence() == before + 20)
            #expect(Set(try await harness.pullAll(client, reader).records.map(\.id)) == Set((first + second).map(\.id)))
        }
        #expect(try await store.writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        try store.close()
    }

    @Test("A full file system answers 503 and recovers when space is freed", .enabled(if: FileSystemFaults.canMountTmpfs))
    func fullDisk() async throws {
        let directory = try FileSystemFaults.mountTmpfs(kibibytes: 4096)
        defer { FileSystemFaults.unmount(directory) }
        let filler = Box<URL>()
        try await refuseAndRecover(
            path: directory.appendingPathComponent("sync.sqlite").path,
            breakStorage: { filler.value = try FileSystemFaults.fill(directory) },
            repair: { try FileManager.default.removeItem(at: filler.value!) })
    }

    @Test("A database file made read-only under the server answers 503 and recovers", .enabled(if: FileSystemFaults.canMakeImmutable))
    func readOnlyFile() async throws {
        let directory = try EpochTests.temporaryDirectory()
        let path = directory.appendingPathComponent("sync.sqlite").path
        let files = [path, path + "-wal"]
        defer {
            try? FileSystemFaults.setImmutable(false, files)
            try? FileManager.default.removeItem(at: directory)
        }
        try await refuseAndRecover(
            path: path, breakStorage: { try FileSystemFaults.setImmutable(true, files) },
            repair: { try FileSystemFaults.setImmutable(false, files) })
    }
}
