import AsyncHTTPClient
import Foundation
import SyncFixtures
import SyncModel
@testable import fieldclient

/// Many simulated clients of one cohort against one real `syncserver`, and the checks that
/// nothing was lost, nothing duplicated, and every replica ended identical.
final class SimulatedFleet: @unchecked Sendable {
    /// The server.
    let server: TestServer
    /// The HTTP client all simulated devices share (one connection per request, so a proxy can cut requests).
    let http: HTTPClient
    /// The devices: participants first, then trainers.
    let clients: [SimulatedClient]
    /// The survey they fill in.
    let survey: SurveyDefinition

    private let lock = NSLock()
    private var actionFailures: [String] = []

    /// Enrolls `participants` participants and `trainers` trainers of the server's cohort, each with
    /// a store file in the server's folder, syncing through `syncURL` (the server or a proxy).
    init(server: TestServer, syncURL: String, participants: Int, trainers: Int, seed: UInt64) async throws {
        self.server = server
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        configuration.maximumUsesPerConnection = 1
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.http = http
        survey = try Fixtures.survey()
        var random = SplitMix64(seed: seed)
        var clients: [SimulatedClient] = []
        do {
            for index in 0..<(participants + trainers) {
                let trainer = index >= participants
                let name = trainer ? "trainer\(index - participants)" : "teilnehmer\(index)"
                let store = try LocalStore.makeEncrypted(at: server.directory.appendingPathComponent("sim/\(name).sqlite").path)
                let client = try await SimulatedClient(
                    name: name, code: try server.code(for: name, trainer: trainer), enrollURL: server.url,
                    syncURL: syncURL, store: store, http: http, replica: ReplicaID.makeRandom(using: &random),
                    batchSize: 4, pageSize: 25)
                clients.append(client)
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
        self.clients = clients
    }

    /// Edits that threw (they must not: every edit is valid).
    var failedActions: [String] { lock.withLock { actionFailures } }

    /// Every client makes one to three edits and syncs, in rounds, all at once, until `done()` holds.
    ///
    /// Returns how many syncs were started and how many finished.
    func work(seed: UInt64, until done: @escaping @Sendable () -> Bool) async -> (started: Int, finished: Int) {
        await withTaskGroup(of: (Int, Int).self) { group in
            for (index, client) in clients.enumerated() {
                group.addTask { [self] in
                    var random = SplitMix64(seed: seed &+ UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15)
                    var started = 0
                    var finished = 0
                    while !done() {
                        for _ in 0..<(1 + random.index(below: 3)) {
                            do {
                                try client.act(&random, survey: survey)
                            } catch {
                                lock.withLock { actionFailures.append("\(client.name): \(error)") }
                            }
                        }
                        started += 1
                        if await client.sync() {
                            finished += 1
                        } else {
                            try? await Task.sleep(for: .milliseconds(20 + random.index(below: 40)))
                        }
                    }
                    return (started, finished)
                }
            }
            var total = (started: 0, finished: 0)
            for await (started, finished) in group {
                total.started += started
                total.finished += finished
            }
            return total
        }
    }

    /// Syncs everyone, round after round, until two rounds in a row finished for every client.
    ///
    /// Returns false when that did not happen within `maximumRounds`.
    func settle(maximumRounds: Int = 6) async -> Bool {
        var cleanRounds = 0
        for _ in 0..<maximumRounds {
            let results = await withTaskGroup(of: Bool.self) { group in
                for client in clients { group.addTask { await client.sync() } }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            cleanRounds = results.allSatisfy { $0 } ? cleanRounds + 1 : 0
            if cleanRounds == 2 { return true }
        }
        return false
    }

    /// What is wrong with the final state: lost writes, records missing or extra on the server,
    /// clients that differ from the server, pending changes. Empty when all is well.
    func problems(in database: ServerDatabase) throws -> [String] {
        var problems: [String] = []
        if database.integrity != "ok" { problems.append("server database integrity: \(database.integrity)") }
        if database.rowCount != database.records.count { problems.append("server rows \(database.rowCount) ≠ ids \(database.records.count)") }
        var createdResponses: Set<UUID> = []
        for client in clients {
            for (id, counter) in client.writes {
                guard let stored = database.records[id] else {
                    problems.append("\(client.name): record \(id) is not on the server")
                    continue
                }
                if stored.collection == RecordCollection.responses { createdResponses.insert(id) }
                let seen = stored.version[client.device.replica]
                if seen < counter {
                    problems.append("\(client.name): server has \(seen) of its \(counter) writes to \(id)")
                }
            }
        }
        let serverResponses = Set(database.records.values.filter { $0.collection == RecordCollection.responses }.map(\.id))
        if serverResponses != createdResponses {
            problems.append(
                "server responses \(serverResponses.count) ≠ responses the clients wrote \(createdResponses.count)")
        }
        let serverStates = try database.canonicalStates()
        for client in clients {
            let pending = try client.store.pendingCount()
            if pending != 0 { problems.append("\(client.name): \(pending) changes still pending") }
            let scope = database.records.values.filter { record in
                client.device.role == .trainer || record.collection == RecordCollection.households
                    || record.owner == client.device.participant
            }
            let expected = Dictionary(uniqueKeysWithValues: scope.map { ($0.id, serverStates[$0.id]!) })
            let local = try client.canonicalStates()
            if Set(local.keys) != Set(expected.keys) {
                problems.append("\(client.name): holds \(local.count) records, its scope on the server has \(expected.count)")
            }
            let differing = expected.filter { local[$0.key] != nil && local[$0.key] != $0.value }.count
            if differing > 0 { problems.append("\(client.name): \(differing) records differ from the server's state") }
        }
        return problems
    }

    /// The total of own writes (record, counter) the clients logged.
    var loggedWrites: Int { clients.reduce(0) { $0 + $1.writes.values.reduce(0) { $0 + Int($1) } } }

    /// Sync failures other than "unreachable", from every client.
    var unexpectedFailures: [String] { clients.flatMap(\.unexpectedFailures) }

    /// Shuts the shared HTTP client down.
    func shutdown() async {
        try? await http.shutdown()
    }
}
