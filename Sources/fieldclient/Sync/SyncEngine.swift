import Foundation
import Logging
import SyncModel

/// Pushes local changes and pulls the server's, resumably: every step is committed locally
/// before the next one starts, so an interrupted sync continues where it stopped.
///
/// The engine holds no state of its own between calls; everything lives in the store, so many
/// engines (one per simulated device) can run in one process.
struct SyncEngine<Transport: SyncTransport>: Sendable {
    /// The local store.
    let store: LocalStore
    /// The server connection.
    let transport: Transport
    /// The clock for the time of the last successful sync and of each push.
    let clock: any WallClock
    /// The logger; never given answers or tokens.
    let logger: Logger
    /// Records per push, at most ``SyncProtocol/maximumPushRecords``.
    var pushBatchSize = 500
    /// Records per pulled page.
    var pageSize = SyncProtocol.defaultPageSize
    /// Progress display.
    var progress: any SyncProgress = SilentProgress()

    /// How often an epoch change may restart one sync before it gives up.
    static var maximumRestarts: Int { 3 }

    /// Creates an engine.
    init(store: LocalStore, transport: Transport, clock: any WallClock, logger: Logger) {
        self.store = store
        self.transport = transport
        self.clock = clock
        self.logger = logger
    }

    /// Runs one sync: surveys, push, pull. Throws `TransportError` or a store error; whatever was
    /// committed before the failure stays, and the next sync continues from there.
    func sync() async throws -> SyncReport {
        var report = SyncReport()
        try await sync(into: &report)
        return report
    }

    /// Runs one sync, adding to `report` what it does as it commits it: when an attempt fails
    /// and is tried again into the same report, what the failed attempt pushed and pulled (and
    /// the erasures it brought) is reported too.
    func sync(into report: inout SyncReport) async throws {
        defer { progress.finish() }
        try store.saveSurveys(try await transport.surveys())
        for _ in 0...Self.maximumRestarts {
            if try await pushAll(into: &report) { continue }
            try store.adoptPendingEpoch()
            if try await pullAll(into: &report) { continue }
            // Erased content must not linger in the WAL file either.
            if !report.erased.isEmpty { try store.truncateJournal() }
            try store.markSynced(at: clock.now())
            report.epoch = try store.syncState().epoch
            report.pending = try store.pendingCount()
            logger.info(
                "Sync finished",
                metadata: [
                    "pushed": "\(report.pushed)", "rejected": "\(report.rejected.count)", "pulled": "\(report.pulled)",
                ])
            return
        }
        throw TransportError.unexpectedAnswer(
            Texts.current("transport.epochLoop", ["count": String(Self.maximumRestarts + 1)]))
    }

    /// Pushes every pending record once, in batches by id; returns true when the epoch changed
    /// and the sync must start over.
    private func pushAll(into report: inout SyncReport) async throws -> Bool {
        let state = try store.syncState()
        let total = try store.pendingCount()
        let batchSize = max(1, min(pushBatchSize, SyncProtocol.maximumPushRecords))
        var after: String?
        var done = 0
        while true {
            let batch = try store.pendingBatch(after: after, limit: batchSize)
            guard let last = batch.last else { return false }
            let sent = clock.now()
            let response = try await transport.push(PushRequest(epoch: state.epoch, records: batch.map(\.record)))
            report.pushMilliseconds.append(clock.now().millisecondsSince1970 - sent.millisecondsSince1970)
            guard response.results.count == batch.count,
                zip(response.results, batch).allSatisfy({ $0.id == $1.record.id })
            else {
                throw TransportError.unexpectedAnswer(
                    Texts.current(
                        "transport.pushMismatch", ["results": String(response.results.count), "records": String(batch.count)]))
            }
            if try handleEpoch(response.epoch, state: state, into: &report) { return true }
            let outcome = try store.applyPushResults(sent: batch, results: response.results)
            report.pushed += outcome.accepted
            report.rejected += outcome.rejected
            report.erased += outcome.erased
            // `sync` says each rejection in the user's words; the log line is for FIELDCLIENT_LOG_LEVEL=info.
            for rejection in outcome.rejected {
                logger.info("Record rejected", metadata: ["record": "\(rejection.id)"])
            }
            done += batch.count
            progress.pushed(min(done, total), of: total)
            after = LocalStore.key(last.record.id)
        }
    }

    /// Pulls pages until the server has no more; returns true when the epoch changed.
    ///
    /// The next page is requested as soon as a page arrives, so the server reads and sends it
    /// while this one is written; it is applied only after this one is committed, so an
    /// interrupted pull still continues from the last committed page.
    private func pullAll(into report: inout SyncReport) async throws -> Bool {
        let state = try store.syncState()
        var cursor = state.cursor
        var next = fetch(since: cursor)
        defer { next.cancel() }
        while true {
            let page = try await next.value
            if try handleEpoch(page.epoch, state: state, into: &report) { return true }
            if page.hasMore {
                guard page.cursor != cursor || !page.records.isEmpty else {
                    throw TransportError.unexpectedAnswer(Texts.current("transport.cursorStuck"))
                }
                next = fetch(since: page.cursor)
            }
            let outcome = try store.applyPage(page, now: clock.now())
            report.erased += outcome.erased
            for id in outcome.skipped {
                logger.error("Pulled record has another identity than the local one; kept the local one", metadata: ["record": "\(id)"])
            }
            report.pulled += page.records.count
            progress.pulled(report.pulled)
            guard page.hasMore else { return false }
            cursor = page.cursor
        }
    }

    /// Requests the page after `cursor` in a task of its own.
    private func fetch(since cursor: String) -> Task<ChangesPage, any Error> {
        Task { [transport, pageSize] in try await transport.changes(since: cursor, limit: pageSize) }
    }

    /// Compares a server epoch with the known one; on a change, marks everything for upload and
    /// returns true.
    private func handleEpoch(_ epoch: String, state: SyncState, into report: inout SyncReport) throws -> Bool {
        guard let known = state.pendingEpoch ?? state.epoch else {
            try store.beginEpochChange(to: epoch)
            try store.adoptPendingEpoch()
            return false
        }
        guard epoch != known else { return false }
        logger.notice("The server's epoch changed; uploading everything again", metadata: ["epoch": "\(epoch)"])
        try store.beginEpochChange(to: epoch)
        report.epochChanged = true
        return true
    }
}
