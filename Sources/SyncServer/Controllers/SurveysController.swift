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
            let cohort = try Self.cohort(request, device: device)
            return try Response.json(SurveyList(surveys: try await store.surveys(cohort: cohort)))
        }
        group.post("surveys") { request, context in
            let device = try context.requireTrainer()
            let cohort = try Self.cohort(request, device: device)
            let data = try await request.collectData()
            let published = try await CohortAdministration(store: store, environment: environment)
                .publishSurvey(data, cohort: cohort)
            return try Response.json(published, status: .created)
        }
    }

    /// The cohort named by `?cohort=`, which must be the device's own; the device's by default.
    static func cohort(_ request: Request, device: DeviceInfo) throws -> String {
        guard let cohort = request.uri.queryParameters["cohort"].map(String.init) else { return device.cohort }
        guard cohort == device.cohort else {
            throw APIError.forbidden("This device belongs to cohort '\(device.cohort)'; nobody reads or writes across cohorts.")
        }
        return cohort
    }
}
