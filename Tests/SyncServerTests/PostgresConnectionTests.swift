import Foundation
import SyncFixtures
import Logging
import PostgresNIO
import SyncModel
import Testing

@testable import SyncServer

@Suite("PostgreSQL locations: bad URLs, unreachable and missing databases fail clearly")
struct PostgresConnectionTests {
    @Test(
        "Malformed PostgreSQL URLs are refused before anything runs, naming what is wrong",
        arguments: [
            ("postgres://127.0.0.1:5432/sync", "names no user"),
            ("postgres://sync@/sync", "names no host"),
            ("postgres://sync@127.0.0.1:5432", "names no database"),
            ("postgres://sync@127.0.0.1:99999/sync", "port"),
            ("postgres://sync@127.0.0.1/sync?sslmode=maybe", "sslmode"),
            ("postgres:sync@127.0.0.1/sync", "not a PostgreSQL URL"),
        ])
    func malformedURL(url: String, mentions: String) throws {
        let output = try SyncServerProcess.run(["cohort", "list", "--db", url])
        #expect(output.status != 0)
        #expect(output.stderr.contains(mentions), "\(output.stderr)")
        #expect(output.stderr.contains("postgres://USER"), "the message shows the expected form")
    }

    @Test("A password in the URL never appears in messages")
    func passwordNotPrinted() throws {
        let output = try SyncServerProcess.run(["cohort", "list", "--db", "postgres://sync:s3cret-pw@127.0.0.1/sync?x=1"])
        #expect(output.status != 0)
        #expect(!output.stderr.contains("s3cret-pw"), "\(output.stderr)")
    }

    @Test("An unreachable server fails the command at once with the reason and what to check")
    func unreachableServer() throws {
        let port = try Loopback.freePort()
        let started = ContinuousClock.now
        let output = try SyncServerProcess.run(["cohort", "list", "--db", "postgres://sync@127.0.0.1:\(port)/sync"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("Cannot use the PostgreSQL database postgres://sync@127.0.0.1:\(port)/sync"))
        #expect(output.stderr.contains("Connection refused"), "\(output.stderr)")
        #expect(output.stderr.contains("Check that the server runs"))
        #expect(ContinuousClock.now - started < .seconds(10), "a refused connection is reported without waiting")
    }

    @Test(
        "A database that does not exist fails with PostgreSQL's reason",
        .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL"))
    func missingDatabase() throws {
        let server = try #require(TestPostgres.serverURL)
        var components = try #require(URLComponents(string: server))
        components.path = "/qs_missing_\(UInt32.random(in: 0...UInt32.max))"
        let output = try SyncServerProcess.run(["epoch", "show", "--db", try #require(components.string)])
        #expect(output.status == 1)
        #expect(output.stderr.contains("does not exist"), "\(output.stderr)")
    }

    @Test("While the database cannot be reached, routes answer 503 storageUnavailable instead of waiting")
    func unreachableWhileServing() async throws {
        let location = try PostgresLocation(url: "postgres://sync@127.0.0.1:\(try Loopback.freePort())/sync")
        let client = PostgresClient(configuration: location.clientConfiguration, backgroundLogger: .quiet)
        let running = Task { await client.run() }
        defer { running.cancel() }
        let store = PostgresRecordStore(client: client, location: location, logger: .quiet, leaseDeadline: .milliseconds(300))
        let harness = try TestHarness(store: store)
        try await harness.run { client in
            let health = try await client.send(.get, "/health")
            #expect(health.status == .serviceUnavailable)
            #expect(health.error?.code == "storageUnavailable")
            let enroll = try await client.send(
                .post, "/v1/enroll",
                json: EnrollRequest(code: "ABCD-EFGH-JK", deviceName: "x", replicaId: ReplicaID(high: 1, low: 1)))
            #expect(enroll.status == .serviceUnavailable)
        }
    }
}
