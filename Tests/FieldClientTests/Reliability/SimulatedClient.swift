import AsyncHTTPClient
import Foundation
import Logging
import SyncFixtures
import SyncModel
@testable import fieldclient

/// One simulated field laptop in the test process: its own `LocalStore`, enrolled over HTTP as
/// `fieldclient join` does, syncing with the client's own `SyncEngine` and `HTTPSyncTransport`,
/// and keeping a log of the newest write it made to every record.
final class SimulatedClient: @unchecked Sendable {
    /// The participant or trainer name.
    let name: String
    /// The store.
    let store: LocalStore
    /// The enrolled identity.
    let device: DeviceIdentity
    /// The record operations the commands use.
    let records: FieldRecords
    /// The sync engine over HTTP (timed when a recorder was given).
    let engine: SyncEngine<TimedTransport<HTTPSyncTransport>>

    private let lock = NSLock()
    private var written: [UUID: UInt64] = [:]
    private var failures: [String] = []

    /// Enrolls with `code` at `enrollURL` and syncs through `syncURL` (e.g. a fault proxy).
    init(
        name: String, code: String, enrollURL: String, syncURL: String, store: LocalStore, http: HTTPClient,
        replica: ReplicaID, batchSize: Int = 500, pageSize: Int = SyncProtocol.defaultPageSize,
        recorder: LatencyRecorder? = nil
    ) async throws {
        self.name = name
        self.store = store
        let enroll = HTTPSyncTransport(server: try ServerAddress(enrollURL, allowInsecure: false), token: nil, client: http)
        let enrollment = try await enroll.enroll(EnrollRequest(code: code, deviceName: "\(name)-sim", replicaId: replica))
        let base = HTTPSyncTransport(
            server: try ServerAddress(syncURL, allowInsecure: false), token: enrollment.token, client: http)
        device = DeviceIdentity(
            serverURL: syncURL, token: enrollment.token, deviceID: enrollment.deviceId, replica: replica,
            cohort: enrollment.cohort, participant: enrollment.participant, role: enrollment.role,
            deviceName: "\(name)-sim", joinedAt: Timestamp(millisecondsSince1970: 0))
        // As `fieldclient join` does: the surveys come with the enrollment, straight from the server.
        let direct = HTTPSyncTransport(
            server: try ServerAddress(enrollURL, allowInsecure: false), token: enrollment.token, client: http)
        try store.saveEnrollment(device, epoch: enrollment.epoch, surveys: try await direct.surveys())
        records = FieldRecords(store: store, device: device, clock: SystemWallClock())
        var engine = SyncEngine(
            store: store, transport: TimedTransport(base: base, recorder: recorder), clock: SystemWallClock(),
            logger: Logger(label: "sim", factory: { _ in SwiftLogNoOpLogHandler() }))
        engine.pushBatchSize = batchSize
        engine.pageSize = pageSize
        self.engine = engine
    }

    /// The newest own write (this replica's counter) per record, as made locally.
    var writes: [UUID: UInt64] { lock.withLock { written } }

    /// Sync failures that are not "the server cannot be reached" (which faults are meant to cause).
    var unexpectedFailures: [String] { lock.withLock { failures } }

    /// Runs one sync; returns whether it finished. Unreachable servers are expected; anything else is noted.
    @discardableResult
    func sync() async -> Bool {
        do {
            _ = try await engine.sync()
            return true
        } catch let error as TransportError {
            if case .unreachable = error { return false }
            lock.withLock { failures.append("\(name): \(error)") }
            return false
        } catch {
            lock.withLock { failures.append("\(name): \(error)") }
            return false
        }
    }

    /// Creates a final response with valid answers that vary with `random`.
    @discardableResult
    func createResponse(_ random: inout SplitMix64, survey: SurveyDefinition) throws -> Record {
        var answers = Fixtures.finalAnswers
        answers["haushalt"] = .integer(Int64(2 + random.index(below: 7)))
        answers["gefaellt"] = .string("Antwort \(random.index(below: 1_000_000))")
        return log(try records.createResponse(survey: survey, answers: answers, finalize: true, household: nil))
    }

    /// One random edit: a new response, an edit of a response this device sees, or a visit at a door.
    func act(_ random: inout SplitMix64, survey: SurveyDefinition) throws {
        let roll = random.index(below: 10)
        if roll < 3 {
            try createResponse(&random, survey: survey)
            return
        }
        if roll < 7 {
            let responses = try store.records(matching: RecordQuery(collection: RecordCollection.responses))
            if !responses.isEmpty {
                let target = responses[random.index(below: responses.count)].record.id
                let changes: [String: FieldValue] = [
                    "haushalt": .integer(Int64(2 + random.index(below: 7))),
                    "anmerkungen": .string("\(name) \(random.index(below: 1_000_000))"),
                ]
                log(try records.edit(target, changes: changes))
                return
            }
        }
        let doors = try store.records(matching: RecordQuery(collection: RecordCollection.households))
        guard !doors.isEmpty else {
            try createResponse(&random, survey: survey)
            return
        }
        let door = doors[random.index(below: doors.count)].record.id
        let outcome = VisitOutcome.allCases[random.index(below: VisitOutcome.allCases.count)]
        log(try records.visit(door, outcome: outcome, note: "\(name) \(random.index(below: 1000))"))
    }

    /// Every record in this store, canonically encoded, by id.
    func canonicalStates() throws -> [UUID: String] {
        var states: [UUID: String] = [:]
        for stored in try store.records() { states[stored.record.id] = try LocalStore.encode(stored.record) }
        return states
    }

    @discardableResult
    private func log(_ record: Record) -> Record {
        let counter = record.version[device.replica]
        lock.withLock { written[record.id] = max(written[record.id] ?? 0, counter) }
        return record
    }
}
