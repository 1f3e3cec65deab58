import Hummingbird
import SyncModel

/// `GET /v1/surveys` for every member, `POST /v1/surveys` for trainers.
struct SurveysController<Store: RecordStore>: Sendable {
    /// The store.
    let store: Store
    /// Clock, randomness and logger.
    let environment: ServerEnvironment

    /// Adds the routes.
    func addRoutes(to group: RouterGroup<SyncRequestContext>) {
        group.get("surveys") { request, context in
            let device = try context.requireDevice()
            let cohort = try device.requireCohort(request.uri.queryParameters["cohort"].map(String.init))
            return try Response.json(SurveyList(surveys: try await store.surveys(cohort: cohort)))
        }
        group.post("surveys") { request, context in
            let device = try context.requireTrainer()
            let cohort = try device.requireCohort(request.uri.queryParameters["cohort"].map(String.init))
            let data = try await request.collectData()
            let published = try await CohortAdministration(store: store, environment: environment)
                .publishSurvey(data, cohort: cohort)
            return try Response.json(published, status: .created)
        }
    }
}
