import Foundation
import SyncModel
@testable import fieldclient

/// An in-memory sync server with fault injection, shared by several fake transports.
final class FakeServer: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [UUID: Record] = [:]
    private var feed: [(sequence: Int, id: UUID)] = []
    /// For each record, the device whose push stored exactly its state, as the real server keeps it.
    private var origins: [UUID: String] = [:]
    private var sequence = 0
    private var surveyList: [SurveyDefinition] = []
    /// Every push request received, for assertions.
    private(set) var pushes: [PushRequest] = []
    /// The current epoch.
    var epoch = "epoch-1"
    /// Ids whose pushes are rejected.
    var rejectedIDs: Set<UUID> = []
    /// The number of `changes` calls that succeed before one fails; nil never fails.
    var changesCallsBeforeFailure: Int?
    /// The number of `push` calls that succeed before one fails; nil never fails.
    var pushCallsBeforeFailure: Int?
    /// Whether a failing push fails after the server committed (the answer is lost).
    var pushFailsAfterCommit = false

    /// Creates a server with surveys.
    init(surveys: [SurveyDefinition] = []) { surveyList = surveys }

    /// The stored states.
    var storedRecords: [UUID: Record] { lock.withLock { records } }

    /// Replaces the database, e.g. with an older backup: new epoch, given records.
    func restore(records restored: [Record], epoch newEpoch: String) {
        lock.withLock {
            records = [:]
            feed = []
            origins = [:]
            for record in restored { store(record) }
            epoch = newEpoch
        }
    }

    /// Stores a record directly, as another device would have pushed it.
    func seed(_ record: Record) { lock.withLock { store(record) } }

    private func store(_ record: Record, from device: String? = nil) {
        let merged = (try? records[record.id]?.merging(record)) ?? record
        guard merged != records[record.id] else { return }
        records[record.id] = merged
        origins[record.id] = merged == record ? device : nil
        sequence += 1
        feed.removeAll { $0.id == record.id }
        feed.append((sequence, record.id))
    }

    /// Handles a push from `device` (nil: a device the feed does not tell apart).
    func push(_ request: PushRequest, from device: String? = nil) throws(TransportError) -> PushResponse {
        lock.lock()
        defer { lock.unlock() }
        do {
            var failNow = false
            if let remaining = pushCallsBeforeFailure {
                failNow = remaining == 0
                pushCallsBeforeFailure = failNow ? nil : remaining - 1
            }
            if failNow && !pushFailsAfterCommit { throw .unreachable("injected before commit") }
            pushes.append(request)
            var results: [PushResult] = []
            for record in request.records {
                if rejectedIDs.contains(record.id) {
                    results.append(.makeRejected(id: record.id, ErrorDetail(.validationFailed, "injected rejection")))
                    continue
                }
                store(record, from: device)
                results.append(.makeAccepted(sent: record, merged: records[record.id]!))
            }
            if failNow { throw .unreachable("injected after commit") }
            return PushResponse(epoch: epoch, results: results)
        }
    }

    /// Handles a changes request of `reader`, whose own pushes are passed but left out, like the real server.
    func changes(since cursor: String, limit: Int, reader: String? = nil) throws(TransportError) -> ChangesPage {
        lock.lock()
        defer { lock.unlock() }
        do {
            if let remaining = changesCallsBeforeFailure {
                if remaining == 0 {
                    changesCallsBeforeFailure = nil
                    throw .unreachable("injected")
                }
                changesCallsBeforeFailure = remaining - 1
            }
            let since = Int(cursor) ?? 0
            let entries = feed.filter { $0.sequence > since }
            let page = entries.prefix(limit)
            let next = page.last?.sequence ?? since
            return ChangesPage(
                records: page.filter { reader == nil || origins[$0.id] != reader }.map { records[$0.id]! }, cursor: String(next), hasMore: entries.count > page.count,
                epoch: epoch)
        }
    }

    /// The surveys.
    var surveys: [SurveyDefinition] { lock.withLock { surveyList } }
}

/// A transport that talks to a `FakeServer` in memory.
struct FakeTransport: SyncTransport {
    /// The server.
    let server: FakeServer
    /// Runs after each push is answered, before the engine applies it (e.g. to edit locally meanwhile).
    var afterPush: (@Sendable () throws -> Void)?
    /// The device id the server knows this transport by; nil reads back its own pushes.
    var device: String?

    /// Pushes.
    func push(_ request: PushRequest) async throws(TransportError) -> PushResponse {
        let response = try server.push(request, from: device)
        do { try afterPush?() } catch { throw .unexpectedAnswer("hook failed: \(error)") }
        return response
    }

    /// Pulls.
    func changes(since cursor: String, limit: Int) async throws(TransportError) -> ChangesPage {
        try server.changes(since: cursor, limit: limit, reader: device)
    }

    /// Lists surveys.
    func surveys() async throws(TransportError) -> [SurveyDefinition] { server.surveys }
}
