import Foundation
import Hummingbird
import SyncModel

/// The trainer's cohort endpoints: `GET /v1/cohorts/{id}/report`, `GET /v1/cohorts/{id}/export` and
/// `POST /v1/cohorts/{id}/pseudonyms`, each recorded in the audit trail.
struct ReportsController<Store: RecordStore>: Sendable {
    /// The store.
    let store: Store
    /// Clock and randomness.
    let environment: ServerEnvironment

    /// Adds the routes.
    func addRoutes(to group: RouterGroup<SyncRequestContext>) {
        group.get("cohorts/{id}/report") { request, context in
            let (trainer, cohort) = try Self.ownCohort(context)
            let report = try await CohortRecordReader(store: store, cohort: cohort).report()
            try await store.recordAudit(.make(.reportRead, by: trainer, at: environment.clock.now()))
            return try Response.json(report)
        }
        group.get("cohorts/{id}/export") { request, context in
            let (trainer, cohort) = try Self.ownCohort(context)
            let query = request.uri.queryParameters
            let export = try await CohortExport.prepare(
                store: store, cohort: cohort, format: query["format"].map(String.init),
                survey: query["survey"].map(String.init), pseudonymize: query["pseudonymize"].map(String.init),
                audit: .make(.export, by: trainer, at: environment.clock.now(), details: ["via": "api"]),
                random: environment.random, language: .preferred(acceptLanguage: request.headers[.acceptLanguage]))
            context.logger.info(
                "Export", metadata: ["export.format": "\(export.formatName)", "survey.id": "\(export.survey.id)"])
            return export.response()
        }
        group.post("cohorts/{id}/pseudonyms") { request, context in
            let (_, cohort) = try Self.ownCohort(context)
            let body = try await request.decodeJSON(PseudonymRequest.self, context: context)
            guard body.participants.count <= PseudonymRequest.maximumNames else {
                throw APIError.invalidParameter(
                    "Ask for at most \(PseudonymRequest.maximumNames) names at once; split the request.")
            }
            let pseudonyms = try await ParticipantPseudonyms.make(store: store, cohort: cohort, random: environment.random)
            return try Response.json(
                PseudonymMap(
                    pseudonyms: Dictionary(
                        body.participants.map { ($0, pseudonyms.pseudonym(of: $0)) }, uniquingKeysWith: { first, _ in first })))
        }
    }

    /// The trainer's device and the cohort named by `{id}`, which must be the trainer's own.
    static func ownCohort(_ context: SyncRequestContext) throws -> (DeviceInfo, String) {
        let trainer = try context.requireTrainer()
        let raw = try context.parameters.require("id")
        return (trainer, try trainer.requireCohort(raw.removingPercentEncoding ?? raw))
    }
}
