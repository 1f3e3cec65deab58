import Foundation
import Logging
import SyncModel
@testable import fieldclient

/// A simulated device: an in-memory store enrolled with a replica id, plus its record operations.
struct TestDevice {
    /// The store.
    let store: LocalStore
    /// The identity.
    let identity: DeviceIdentity
    /// The record operations.
    let records: FieldRecords

    /// Creates a joined device for `participant` (in `role`), with the surveys stored; its store is
    /// encrypted unless `encrypted` is false.
    init(
        participant: String, replicaSeed: UInt64, surveys: [SurveyDefinition], clock: any WallClock = SteppingClock(),
        encrypted: Bool = true, role: Role = .participant
    ) throws {
        store = try LocalStore.inMemory(key: encrypted ? StoreCipher.makeKey() : nil)
        identity = DeviceIdentity(
            serverURL: "http://127.0.0.1:1", token: "t", deviceID: "d-\(participant)",
            replica: ReplicaID(high: replicaSeed, low: replicaSeed), cohort: "kurs", participant: participant,
            role: role, deviceName: participant, joinedAt: Timestamp(millisecondsSince1970: 0))
        try store.saveEnrollment(identity, epoch: "epoch-1", surveys: surveys)
        let counter = Counter(start: replicaSeed << 32)
        let identifiers = IdentifierSource(
            makeUUID: { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012llx", counter.next()))! },
            makeReplica: { ReplicaID(high: 1, low: 1) })
        records = FieldRecords(store: store, device: identity, clock: clock, identifiers: identifiers)
    }

    /// The replica id the device writes under.
    var replica: ReplicaID { identity.replica }

    /// Enrolls this device on `server` (as its participant, with its replica), takes the server's
    /// epoch as `join` does, and returns a transport to it that can be told to fail; `afterPush`
    /// runs after each answered push. Call it once per device, before its first sync.
    func connect(
        to server: InMemoryServer, role: Role = .participant, afterPush: (@Sendable () async throws -> Void)? = nil
    ) async throws -> FaultyTransport<RouterTransport> {
        let (transport, epoch) = try await server.enroll(participant: identity.participant, replica: identity.replica, role: role)
        try store.saveEnrollment(identity, epoch: epoch, surveys: try store.surveys())
        return FaultyTransport(transport, afterPush: afterPush)
    }

    /// A sync engine for this device over `transport`, with small pages and batches so that
    /// every test crosses page and batch boundaries.
    func engine<Transport: SyncTransport>(_ transport: Transport) -> SyncEngine<Transport> {
        var engine = SyncEngine(
            store: store, transport: transport, clock: SteppingClock(),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        engine.pageSize = 2
        engine.pushBatchSize = 2
        return engine
    }
}

/// A thread-safe counter for deterministic ids.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: UInt64

    /// Starts at `start`.
    init(start: UInt64) { value = start }

    /// The next value.
    func next() -> UInt64 {
        lock.withLock {
            value += 1
            return value
        }
    }
}
