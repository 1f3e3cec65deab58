import Foundation
import Hummingbird
import SyncModel

/// `POST /v1/sync/push` and `GET /v1/sync/changes`.
struct SyncController<Store: RecordStore>: Sendable {
    /// The store.
    let store: Store
    /// Clock, randomness and logger.
    let environment: ServerEnvironment

    /// Adds the routes.
    func addRoutes(to group: RouterGroup<SyncRequestContext>) {
        group.post("sync/push") { request, context in
            try await push(request, context: context)
        }
        group.get("sync/changes") { request, context in
            try await changes(request, context: context)
        }
    }

    /// Merges a batch of record states in one transaction and answers a result per record.
    func push(_ request: Request, context: SyncRequestContext) async throws -> Response {
        let device = try context.requireDevice()
        let body = try await request.decodeJSON(PushRequest.self, context: context)
        guard body.records.count <= SyncProtocol.maximumPushRecords else {
            throw APIError(
                .contentTooLarge, .tooManyRecords,
                "The push holds \(body.records.count) records; at most \(SyncProtocol.maximumPushRecords) are allowed. "
                    + "Push in smaller batches.")
        }
        let surveys = try await store.surveys(cohort: device.cohort)
        var catalog: [SurveyKey: SurveyDefinition] = [:]
        for survey in surveys { catalog[survey.key] = survey.definition }
        var others = Set(body.records.flatMap(\.version.replicas))
        others.remove(device.replicaId)
        let replicaOwners = others.isEmpty ? [:] : try await store.owners(ofReplicas: others)
        let planner = PushPlanner(
            device: device, surveys: catalog, replicaOwners: replicaOwners, requestEpoch: body.epoch)
        let records = body.records
        let prechecks = planner.precheck(records)
        let outcome = try await store.commitBatch(
            ids: records.map(\.id), requestEpoch: body.epoch, at: environment.clock.now()
        ) { snapshot in
            planner.plan(records, prechecks: prechecks, snapshot: snapshot)
        }
        // A trainer's erasure is journaled and its old state scrubbed before the push is answered.
        let acceptedErasures = zip(records, outcome.plan.results).compactMap { sent, result in
            sent.isErased && result.status == .accepted ? result.record ?? sent : nil
        }
        try await RecordErasure(store: store, environment: environment)
            .recordCommitted(outcome.plan.writes, acceptedErasures: acceptedErasures)
        for erased in outcome.plan.writes where erased.isErased {
            try await store.recordAudit(
                .make(
                    .erasure, by: device, at: environment.clock.now(),
                    details: ["record": erased.id.uuidString.lowercased(), "collection": erased.collection,
                              "reason": erased.erasure?.reason ?? ""]))
        }
        let rejected = outcome.plan.results.filter { $0.status == .rejected }.count
        environment.metrics.recordPush(
            pushed: records.count, written: outcome.plan.writes.count, rejected: rejected,
            lastSequence: outcome.lastSequence, groupSize: outcome.groupSize)
        context.logger.info(
            "Push",
            metadata: [
                "sync.records": "\(records.count)", "sync.rejected": "\(rejected)",
                "sync.written": "\(outcome.plan.writes.count)", "sync.relayed": "\(outcome.plan.relays.count)",
            ])
        return try Response.json(PushResponse(epoch: outcome.epoch, results: outcome.plan.results))
    }

    /// Answers one page of the caller's feed; the stores give each state as wire JSON, spliced in here,
    /// and the page is gzip-compressed when the client accepts it.
    func changes(_ request: Request, context: SyncRequestContext) async throws -> Response {
        let device = try context.requireDevice()
        let query = request.uri.queryParameters
        var since: Int64 = 0
        if let text = query["since"], !text.isEmpty {
            guard let value = Int64(String(text)), value >= 0, text.allSatisfy(\.isASCII) else {
                throw APIError.invalidParameter(
                    "'since' must be a cursor returned by this endpoint (a whole number ≥ 0), got '\(text.prefix(40))'.")
            }
            since = value
        }
        var limit = SyncProtocol.defaultPageSize
        if let text = query["limit"] {
            guard let value = Int(String(text)), (1...SyncProtocol.maximumPageSize).contains(value) else {
                throw APIError.invalidParameter(
                    "'limit' must be a whole number from 1 to \(SyncProtocol.maximumPageSize), got '\(text.prefix(40))'.")
            }
            limit = value
        }
        let scope: ReadScope =
            device.role == .trainer
            ? .cohort(device.cohort) : .participant(cohort: device.cohort, owner: device.participant)
        let page = try await store.changes(in: scope, after: since, limit: limit, reader: device.id)
        var writer = JSONWriter(capacity: page.states.reduce(128) { $0 + $1.count * 4 })
        try ChangesPage.writeJSON(
            cursor: String(page.cursor), epoch: page.epoch, hasMore: page.hasMore, count: page.states.count, to: &writer
        ) { try StoredState.writeWireJSON(page.states[$0], to: &$1) }
        let data = Data(writer.bytes)
        environment.metrics.recordPage(records: page.states.count)
        context.logger.debug("Changes", metadata: ["sync.records": "\(page.states.count)"])
        return try ContentCoding.jsonResponse(data, for: request)
    }
}
