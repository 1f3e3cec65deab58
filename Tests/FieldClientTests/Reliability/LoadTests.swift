import AsyncHTTPClient
import Foundation
import GRDB
import SyncFixtures
import SyncModel
import Testing
@testable import fieldclient

/// Hundreds of simulated clients push and pull at once against the real `syncserver`.
@Suite("Many clients at once", .serialized)
struct LoadTests {
    /// The cohorts; each has its own trainer, survey and 40 doors.
    static let cohorts = ["kurs", "kurs-b", "kurs-c", "kurs-d"]
    /// Participants per cohort: QS_LOAD_CLIENTS (default 200) spread over the four cohorts.
    static var participantsPerCohort: Int {
        max(1, (Int(ProcessInfo.processInfo.environment["QS_LOAD_CLIENTS"] ?? "") ?? 200) / cohorts.count)
    }
    /// Responses each participant records offline and pushes in one batch.
    static let recordsPerClient = 200

    @Test("200 clients each push 200 responses and pull their cohort at once; all succeed")
    func manyClientsAtOnce() async throws {
        let seed = ReliabilitySettings.seed()
        TestNote.write("LoadTests seed \(seed) (replay with QS_SEED=\(seed))")
        let server = try TestServer(cohort: Self.cohorts[0])
        // The other cohorts get the same 40 doors under ids of their own (the fixture's ids are UUIDs of the first).
        let lines = try String(contentsOf: Fixtures.root.appendingPathComponent("Fixtures/households.csv"), encoding: .utf8)
            .split(separator: "\n")
        let doors = ([lines[0]] + lines.dropFirst().enumerated().map { index, line in
            "door-\(index)" + line.drop { $0 != "," }
        }).joined(separator: "\n")
        let doorFile = server.directory.appendingPathComponent("doors.csv")
        try doors.write(to: doorFile, atomically: true, encoding: .utf8)
        for cohort in Self.cohorts.dropFirst() {
            try server.admin(["cohort", "create", cohort])
            try server.admin(["survey", "publish", "--cohort", cohort, Fixtures.root.appendingPathComponent("Fixtures/nachbarschaftsbefragung.yaml").path])
            try server.admin(["households", "import", "--cohort", cohort, doorFile.path])
        }
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(30), read: .seconds(300))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 512)
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            try await exercise(server: server, http: http, seed: seed)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    /// Enrolls, interviews, syncs all at once, prints the figures and checks the result.
    private func exercise(server: TestServer, http: HTTPClient, seed: UInt64) async throws {
        let recorder = LatencyRecorder()
        let survey = try Fixtures.survey()
        var random = SplitMix64(seed: seed)
        let started = ContinuousClock.now

        // One trainer per cohort, enrolled with an admin code; the trainers hand out the participants' codes.
        var trainers: [SimulatedClient] = []
        var participants: [SimulatedClient] = []
        for cohort in Self.cohorts {
            let trainer = try await SimulatedClient(
                name: "trainer-\(cohort)", code: try server.code(for: "trainer-\(cohort)", trainer: true, cohort: cohort),
                enrollURL: server.url, syncURL: server.url, store: try LocalStore.inMemory(), http: http,
                replica: ReplicaID.makeRandom(using: &random), pageSize: 1000, recorder: recorder)
            trainers.append(trainer)
            for index in 0..<Self.participantsPerCohort {
                let name = "\(cohort)-p\(index)"
                let code = try await Self.enrollmentCode(for: name, trainer: trainer, server: server, http: http)
                participants.append(
                    try await SimulatedClient(
                        name: name, code: code, enrollURL: server.url, syncURL: server.url,
                        store: try LocalStore.inMemory(), http: http, replica: ReplicaID.makeRandom(using: &random),
                        batchSize: Self.recordsPerClient, recorder: recorder))
            }
        }
        let enrolled = ContinuousClock.now
        // Every participant interviews offline first.
        for client in participants {
            for _ in 0..<Self.recordsPerClient { try client.createResponse(&random, survey: survey) }
        }
        TestNote.write("LoadTests: enrolled \(participants.count + trainers.count) devices in \(enrolled - started), interviews took \(ContinuousClock.now - enrolled)")

        let start = ContinuousClock.now
        let finished = await withTaskGroup(of: Bool.self) { group in
            for client in participants { group.addTask { await client.sync() } }
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        let pushed = ContinuousClock.now - start
        let trainersFinished = await withTaskGroup(of: Bool.self) { group in
            for trainer in trainers { group.addTask { await trainer.sync() } }
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        let total = ContinuousClock.now - start
        server.stop()

        let records = participants.count * Self.recordsPerClient
        let seconds = Double(pushed.components.seconds) + Double(pushed.components.attoseconds) / 1e18
        let allSeconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        func figures(_ kind: String) -> String {
            String(
                format: "%@ %d requests, p50 %.0f ms, p99 %.0f ms", kind, recorder.count(kind),
                recorder.percentile(kind, 0.5), recorder.percentile(kind, 0.99))
        }
        TestNote.write(
            String(
                format: "LoadTests: %d clients pushed %d records and pulled their scope in %.1f s (%.0f records/s); "
                    + "%d trainers pulled their cohorts, %.1f s in all", participants.count, records, seconds,
                Double(records) / seconds, trainers.count, allSeconds))
        TestNote.write("LoadTests: " + ["push", "changes", "surveys"].map(figures).joined(separator: "; "))

        // Counted by SQLite: decoding 80,000 states in a debug build would take longer than the run.
        #expect(finished == participants.count, "\(participants.flatMap(\.unexpectedFailures).prefix(5))")
        #expect(trainersFinished == trainers.count)
        #expect(try ServerDatabase.count(path: server.database, collection: RecordCollection.responses) == records)
        for client in participants {
            #expect(try client.store.pendingCount() == 0, "\(client.name)")
            #expect(try Self.count(client, RecordCollection.responses) == Self.recordsPerClient, "\(client.name)")
            #expect(try Self.count(client, RecordCollection.households) == 40, "\(client.name)")
        }
        for trainer in trainers {
            #expect(try Self.count(trainer, RecordCollection.responses) == Self.participantsPerCohort * Self.recordsPerClient)
        }
    }

    /// The number of records of `collection` in the client's store.
    static func count(_ client: SimulatedClient, _ collection: String) throws -> Int {
        try client.store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM records WHERE collection = ?", arguments: [collection]) ?? 0
        }
    }

    /// `POST /v1/enrollments` as `trainer`: a one-time code for participant `name`.
    static func enrollmentCode(for name: String, trainer: SimulatedClient, server: TestServer, http: HTTPClient) async throws -> String {
        var request = HTTPClientRequest(url: server.url + "/v1/enrollments")
        request.method = .POST
        request.headers.add(name: SyncProtocol.versionHeader, value: String(SyncProtocol.version))
        request.headers.add(name: "Authorization", value: "Bearer \(trainer.device.token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(try JSONSerialization.data(withJSONObject: ["participant": name]))
        let response = try await http.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .created,
            let object = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
            let code = object["code"] as? String
        else { throw TestFailure("POST /v1/enrollments answered \(response.status)") }
        return code
    }
}
