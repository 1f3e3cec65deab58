import Foundation
import GRDB
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("Epochs: backup, restore and relays", .postgresPools)
struct EpochTests {
    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("syncserver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("A restored backup has a new epoch, retires the old one and accepts relayed writes of the same cohort")
    func backupRestoreRelay() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let livePath = directory.appendingPathComponent("live.sqlite").path
        let backupPath = directory.appendingPathComponent("backup.sqlite").path
        let liveStore = try SQLiteRecordStore(path: livePath, random: SeededRandomSource(seed: 5))
        let live = try TestHarness(seed: 5, store: liveStore)
        try await live.makeCohort("wedding")
        let liveEpoch = try await live.store.epoch()
        let (ayse, jonas, trainer) = try await live.run { client in
            (try await live.enroll(client, cohort: "wedding", name: "Ayşe"),
             try await live.enroll(client, cohort: "wedding", name: "Jonas"),
             try await live.enroll(client, cohort: "wedding", name: "Weber", role: .trainer))
        }
        let retired = try await liveStore.backup(to: backupPath, newEpoch: "restored-epoch", at: live.clock.now())
        #expect(retired.epoch == liveEpoch)
        let attributes = try FileManager.default.attributesOfItem(atPath: backupPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // After the backup, Jonas writes a door that only the live database has.
        let lost = TestFixtures.household(cohort: "wedding", owner: "Jonas", replica: jonas.replica, fields: ["street": "B"])
        let lostResponse = TestFixtures.response(cohort: "wedding", owner: "Jonas", replica: jonas.replica, answers: ["wohndauer": 7])
        try await live.run { client in
            _ = try await live.push(client, jonas, [lost, lostResponse], epoch: liveEpoch)
        }
        try liveStore.close()

        // The live file is lost; the backup is restored.
        let restoredStore = try SQLiteRecordStore(path: backupPath)
        let restored = try TestHarness(seed: 6, store: restoredStore)
        #expect(try await restored.store.epoch() == "restored-epoch")
        #expect(try await restored.store.retiredEpochs().map(\.epoch) == [liveEpoch])
        try await restored.run { client in
            let page = try await client.send(.get, "/v1/sync/changes", token: ayse.token).decode(ChangesPage.self)
            #expect(page.epoch == "restored-epoch")
            // With the current epoch, another device's writes that the server lacks are refused.
            let refused = try await restored.push(client, ayse, [lost], epoch: "restored-epoch")
            #expect(refused.results.first?.error?.code == "foreignReplica")
            // Ayşe knew only the retired epoch: her relay of Jonas's door is accepted and noted.
            let relayed = try await restored.push(client, ayse, [lost], epoch: liveEpoch)
            #expect(relayed.results.first?.status == .accepted)
            // A participant cannot relay another participant's response; the trainer can.
            let notHers = try await restored.push(client, ayse, [lostResponse], epoch: liveEpoch)
            #expect(notHers.results.first?.error?.code == "forbidden")
            let byTrainer = try await restored.push(client, trainer, [lostResponse], epoch: liveEpoch)
            #expect(byTrainer.results.first?.status == .accepted)
            // Jonas gets back both lost writes; the trainer reads Ayşe's relay but not his own.
            let all = try await restored.pullAll(client, jonas)
            #expect(Set(all.records.map(\.id)) == [lost.id, lostResponse.id])
            #expect(try await restored.pullAll(client, trainer).records.map(\.id) == [lost.id])
        }
        let notes = try await restoredStore.relayNotes()
        #expect(notes.count == 2)
        #expect(notes.first?["device_id"] == ayse.id)
        #expect(notes.first?["epoch"] == liveEpoch)
        #expect(notes.first?["replicas"] == jonas.replica.description)
        try restoredStore.close()
    }

    @Test("Relays never carry writes of another cohort's devices", arguments: StoreKind.all)
    func relayStaysInCohort(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.makeCohort("moabit")
        try await harness.run { client in
            let ayse = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let mo = try await harness.enroll(client, cohort: "moabit", name: "Mo")
            let old = try await harness.store.epoch()
            _ = try await harness.store.rotateEpoch(to: "new", at: harness.clock.now())
            let forged = TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: mo.replica, fields: ["street": "X"])
            let answer = try await harness.push(client, ayse, [forged], epoch: old)
            #expect(answer.results.first?.error?.code == "foreignReplica")
            let unknown = TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: ReplicaID(high: 5, low: 5), fields: ["street": "Y"])
            #expect(try await harness.push(client, ayse, [unknown], epoch: old).results.first?.status == .accepted)
            #expect(try await harness.push(client, ayse, [unknown], epoch: "never-existed").results.first?.status == .accepted)
            let fresh = TestFixtures.household(cohort: "wedding", owner: "Ayşe", replica: ReplicaID(high: 6, low: 6), fields: ["street": "Z"])
            #expect(try await harness.push(client, ayse, [fresh], epoch: "never-existed").results.first?.error?.code == "foreignReplica")
        }
    }

    @Test("Rotating the epoch lists the old one as retired and changes what clients see", arguments: StoreKind.all)
    func rotate(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        let old = try await harness.store.epoch()
        #expect(old.count == 32)
        let retired = try await harness.store.rotateEpoch(to: "next", at: harness.clock.now())
        #expect(retired.epoch == old)
        #expect(try await harness.store.epoch() == "next")
        #expect(try await harness.store.retiredEpochs() == [RetiredEpoch(epoch: old, retiredAt: harness.clock.now())])
    }
}
