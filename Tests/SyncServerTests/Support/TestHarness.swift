import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SyncModel
import Testing

@testable import SyncServer

/// An in-memory server with a fixed clock and seeded randomness, and helpers to call it.
struct TestHarness: Sendable {
    /// The store.
    let store: any RecordStore
    /// The clock.
    let clock: TestClock
    /// Clock, randomness and a quiet logger.
    let environment: ServerEnvironment

    /// Creates an empty server on a new store of `kind`; `seed` makes its tokens, codes and ids replay.
    init(_ kind: StoreKind = .sqlite, seed: UInt64 = 1) async throws {
        let random = SeededRandomSource(seed: seed)
        try self.init(store: try await kind.makeStore(random: random), random: random)
    }

    /// Creates a server on `store`.
    init(seed: UInt64 = 1, store: any RecordStore) throws {
        try self.init(store: store, random: SeededRandomSource(seed: seed))
    }

    private init(store: any RecordStore, random: SeededRandomSource) throws {
        self.store = store
        clock = TestClock()
        environment = ServerEnvironment(clock: clock, random: random, logger: .quiet)
    }

    /// The router under test.
    func router() -> Router<SyncRequestContext> {
        buildRouter(store: store, environment: environment)
    }

    /// Runs `body` against the router in memory.
    func run<Value: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws
        -> Value
    {
        // Quiet: request logs of passing tests would bury a failure in the output.
        try await Application(router: router(), logger: .quiet).test(.router, body)
    }

    /// The administration service.
    var administration: CohortAdministration {
        CohortAdministration(store: store, environment: environment)
    }

    /// Creates a cohort and publishes the test survey to it.
    func makeCohort(_ name: String, survey: Bool = true) async throws {
        _ = try await store.createCohort(named: name, at: clock.now())
        if survey {
            _ = try await administration.publishSurvey(Data(TestFixtures.surveyJSON.utf8), cohort: name)
        }
    }

    /// Issues a code and enrolls a device through `POST /v1/enroll`.
    func enroll(
        _ client: any TestClientProtocol, cohort: String, name: String, role: Role = .participant
    ) async throws -> EnrolledDevice {
        let grant = try await administration.issueCode(cohort: cohort, participant: name, role: role, createdBy: "test")
        let replica = environment.random.makeReplicaID()
        let response = try await client.send(
            .post, "/v1/enroll", json: EnrollRequest(code: grant.code, deviceName: "\(name)s Laptop", replicaId: replica))
        #expect(response.status == .created)
        let body = try response.decode(EnrollResponse.self)
        return EnrolledDevice(
            token: body.token, id: body.deviceId, cohort: body.cohort, participant: body.participant, role: body.role,
            replica: replica)
    }

    /// Pushes records and decodes the answer, expecting 200.
    func push(
        _ client: any TestClientProtocol, _ device: EnrolledDevice, _ records: [SyncModel.Record], epoch: String? = nil
    ) async throws -> PushResponse {
        let response = try await client.send(
            .post, "/v1/sync/push", token: device.token, json: PushRequest(epoch: epoch, records: records))
        #expect(response.status == .ok, "push answered \(response.status): \(response.text)")
        return try response.decode(PushResponse.self)
    }

    /// Pulls every page of changes after `cursor` with `limit` and returns records and last page.
    func pullAll(
        _ client: any TestClientProtocol, _ device: EnrolledDevice, since cursor: String = "", limit: Int = 500
    ) async throws -> (records: [SyncModel.Record], last: ChangesPage) {
        var cursor = cursor
        var records: [SyncModel.Record] = []
        while true {
            let response = try await client.send(
                .get, "/v1/sync/changes?since=\(cursor)&limit=\(limit)", token: device.token)
            #expect(response.status == .ok)
            let page = try response.decode(ChangesPage.self)
            records += page.records
            cursor = page.cursor
            if !page.hasMore { return (records, page) }
        }
    }

    /// The number of feed sequences handed out so far.
    func maxSequence() async throws -> Int64 {
        try await inspection.maxSequence()
    }

    /// The store's test-only views.
    var inspection: any StoreInspection {
        get throws {
            guard let inspection = store as? any StoreInspection else { throw CommandFailure("uninspectable store") }
            return inspection
        }
    }
}
