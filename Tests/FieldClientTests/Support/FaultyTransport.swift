import Foundation
import SyncModel

@testable import fieldclient

/// Wraps a transport and breaks chosen calls, as a network does: a pull that never arrives, a push
/// lost before the server saw it, or a push whose answer is lost after the server committed it.
final class FaultyTransport<Inner: SyncTransport>: SyncTransport, @unchecked Sendable {
    private let inner: Inner
    private let lock = NSLock()
    private var changesBeforeFailure: Int?
    private var pushesBeforeFailure: Int?
    private var failAfterCommit = false
    private var hook: (@Sendable () async throws -> Void)?
    private var sent: [PushRequest] = []

    /// Wraps `inner`; `afterPush` runs after each answered push, before the engine applies it.
    init(_ inner: Inner, afterPush: (@Sendable () async throws -> Void)? = nil) {
        self.inner = inner
        hook = afterPush
    }

    /// Lets `count` pulls succeed, then fails one.
    func failChanges(after count: Int) { lock.withLock { changesBeforeFailure = count } }

    /// Lets `count` pushes succeed, then fails one: before the server sees it, or after it committed.
    func failPush(after count: Int, afterCommit: Bool) {
        lock.withLock {
            pushesBeforeFailure = count
            failAfterCommit = afterCommit
        }
    }

    /// Every push request that reached the server.
    var pushes: [PushRequest] { lock.withLock { sent } }

    /// Pushes, unless this push is the one to fail.
    func push(_ request: PushRequest) async throws(TransportError) -> PushResponse {
        let (failNow, afterCommit) = lock.withLock { () -> (Bool, Bool) in
            guard let remaining = pushesBeforeFailure else { return (false, false) }
            pushesBeforeFailure = remaining == 0 ? nil : remaining - 1
            return (remaining == 0, failAfterCommit)
        }
        if failNow && !afterCommit { throw .unreachable("injected before commit") }
        lock.withLock { sent.append(request) }
        let response = try await inner.push(request)
        if failNow { throw .unreachable("injected after commit") }
        do { try await hook?() } catch { throw .unexpectedAnswer("hook failed: \(error)") }
        return response
    }

    /// Pulls, unless this pull is the one to fail.
    func changes(since cursor: String, limit: Int) async throws(TransportError) -> ChangesPage {
        let failNow = lock.withLock { () -> Bool in
            guard let remaining = changesBeforeFailure else { return false }
            changesBeforeFailure = remaining == 0 ? nil : remaining - 1
            return remaining == 0
        }
        if failNow { throw .unreachable("injected") }
        return try await inner.changes(since: cursor, limit: limit)
    }

    /// Lists surveys.
    func surveys() async throws(TransportError) -> [SurveyDefinition] { try await inner.surveys() }
}
