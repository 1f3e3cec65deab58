import Foundation
import Testing
@testable import fieldclient

/// Simulated clients talk to the real `syncserver` through a proxy that cuts connections.
@Suite("Cut connections lose and duplicate nothing", .serialized)
struct ConnectionFaultTests {
    @Test("connections cut before the request, after the commit and mid-response; afterwards all agree")
    func cutConnectionsLoseNothing() async throws {
        let seed = ReliabilitySettings.seed()
        TestNote.write("ConnectionFaultTests seed \(seed) (replay with QS_SEED=\(seed))")
        let server = try TestServer()
        let proxy = try FaultProxy(upstreamPort: server.port, faultShare: 0.3, seed: seed)
        defer { proxy.stop() }
        let fleet = try await SimulatedFleet(server: server, syncURL: proxy.url, participants: 6, trainers: 2, seed: seed)
        let stop = StopSignal()
        // At least 15 s (or the soak time), and on until every fault the checks below need has
        // happened, so that a slow machine cannot make the run test nothing; at most 3 minutes.
        let start = ContinuousClock.now
        let minimum = Duration.seconds(max(15, ReliabilitySettings.soakSeconds))
        let timer = Task {
            while true {
                try await Task.sleep(for: .milliseconds(500))
                let elapsed = ContinuousClock.now - start
                let covered =
                    ConnectionFault.allCases.allSatisfy { proxy.count($0) > 0 }
                    && proxy.count(.afterCommit, request: "POST /v1/sync/push") > 0
                    && proxy.count(.midResponse, request: "GET /v1/sync/changes") > 0
                if (elapsed >= minimum && covered) || elapsed >= minimum + .seconds(180) { break }
            }
            stop.raise()
        }
        let work = await fleet.work(seed: seed) { stop.isRaised }
        try await timer.value
        proxy.setFaults(enabled: false)
        let settled = await fleet.settle()
        server.stop()
        let database = try ServerDatabase(path: server.database)
        let problems = try fleet.problems(in: database)
        TestNote.write(
            "ConnectionFaultTests: \(fleet.clients.count) clients, \(work.started) syncs (\(work.finished) finished), "
                + "\(database.records.count) records, \(fleet.loggedWrites) own writes checked; faults: \(proxy.summary)")
        await fleet.shutdown()
        for fault in ConnectionFault.allCases {
            #expect(proxy.count(fault) > 0, "no \(fault) fault happened")
        }
        #expect(proxy.count(.afterCommit, request: "POST /v1/sync/push") > 0, "no push lost its answer after the commit")
        #expect(proxy.count(.midResponse, request: "GET /v1/sync/changes") > 0, "no page was cut mid-response")
        #expect(settled, "the final sync rounds must finish for every client")
        #expect(fleet.failedActions.isEmpty, "\(fleet.failedActions.prefix(5))")
        #expect(fleet.unexpectedFailures.isEmpty, "\(fleet.unexpectedFailures.prefix(5))")
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }
}
