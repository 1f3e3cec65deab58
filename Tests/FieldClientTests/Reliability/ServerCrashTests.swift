import Foundation
import SyncFixtures
import Testing
@testable import fieldclient

/// The real `syncserver`, SIGKILLed at random moments while many simulated clients push and pull.
@Suite("Server crashes lose and duplicate nothing", .serialized)
struct ServerCrashTests {
    @Test("SIGKILL and restart the server at random moments; afterwards server and clients agree on every write")
    func killedServerLosesNothing() async throws {
        let seed = ReliabilitySettings.seed()
        TestNote.write("ServerCrashTests seed \(seed) (replay with QS_SEED=\(seed))")
        let server = try TestServer()
        let fleet = try await SimulatedFleet(server: server, syncURL: server.url, participants: 6, trainers: 2, seed: seed)
        let stop = StopSignal()
        let soakUntil = ContinuousClock.now + .seconds(ReliabilitySettings.soakSeconds)
        let killer = Task {
            defer { stop.raise() }  // also when a restart fails, so that the fleet stops
            var random = SplitMix64(seed: seed ^ 0x5EED)
            var cycles = 0
            while cycles < 30 || ContinuousClock.now < soakUntil {
                try await Task.sleep(for: .milliseconds(50 + random.index(below: 500)))
                server.kill()
                try await Task.sleep(for: .milliseconds(random.index(below: 150)))
                try server.start()
                cycles += 1
            }
            return cycles
        }
        let work = await fleet.work(seed: seed) { stop.isRaised }
        let cycles = try await killer.value
        let settled = await fleet.settle()
        server.stop()
        let database = try ServerDatabase(path: server.database)
        let problems = try fleet.problems(in: database)
        TestNote.write(
            "ServerCrashTests: \(cycles) kill/restart cycles, \(fleet.clients.count) clients, \(work.started) syncs "
                + "(\(work.finished) finished), \(database.records.count) records, \(fleet.loggedWrites) own writes checked")
        await fleet.shutdown()
        #expect(cycles >= 30)
        #expect(work.finished > 0, "some syncs must finish between the kills")
        #expect(work.started > work.finished, "some syncs must be cut by a kill")
        #expect(settled, "the final sync rounds must finish for every client")
        #expect(fleet.failedActions.isEmpty, "\(fleet.failedActions.prefix(5))")
        #expect(fleet.unexpectedFailures.isEmpty, "\(fleet.unexpectedFailures.prefix(5))")
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }
}
