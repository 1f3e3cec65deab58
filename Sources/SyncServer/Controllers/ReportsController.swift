import Foundation
import Hummingbird
import SyncModel

/// The trainer's cohort endpoints: `GET /v1/cohorts/{id}/report` and `GET /v1/cohorts/{id}/export`.
struct ReportsController<Store: RecordStore>: Sendable {
    /// The store.
    let store: Store

    /// Adds the routes.
    func addRoutes(to group: RouterGroup<SyncRequestContext>) {
        group.get("cohorts/{id}/report") { request, context in
            let cohort = try Self.ownCohort(context)
            let report = try await CohortRecordReader(store: store, cohort: cohort).report()
            return try Response.json(report)
        }
        group.get("cohorts/{id}/export") { request, context in
            let cohort = try Self.ownCohort(context)
            let query = request.uri.queryParameters
            let export = try await CohortExport.prepare(
                store: store, cohort: cohort, format: query["format"].map(String.init),
                survey: query["survey"].map(String.init))
            context.logger.info(
                "Export", metadata: ["export.format": "\(export.formatName)", "survey.id": "\(export.survey.id)"])
            return export.response()
        }
    }

    /// The cohort named by `{id}`, which must be the trainer's own.
    static func ownCohort(_ context: SyncRequestContext) throws -> String {
        let trainer = try context.requireTrainer()
        let raw = try context.parameters.require("id")
        return try trainer.requireCohort(raw.removingPercentEncoding ?? raw)
    }
}
