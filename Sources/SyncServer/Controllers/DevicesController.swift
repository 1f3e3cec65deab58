import Foundation
import Hummingbird
import SyncModel

/// The trainer's endpoints: `POST /v1/enrollments`, `GET /v1/devices`, `DELETE /v1/devices/{id}`.
struct DevicesController<Store: RecordStore>: Sendable {
    /// The store.
    let store: Store
    /// Clock, randomness and logger.
    let environment: ServerEnvironment

    /// Adds the routes.
    func addRoutes(to group: RouterGroup<SyncRequestContext>) {
        group.post("enrollments") { request, context in
            let trainer = try context.requireTrainer()
            let body = try await request.decodeJSON(EnrollmentRequest.self, context: context)
            _ = try trainer.requireCohort(body.cohort)
            let grant = try await CohortAdministration(store: store, environment: environment)
                .issueCode(cohort: trainer.cohort, participant: body.participant, role: .participant, createdBy: trainer.id)
            return try Response.json(grant, status: .created)
        }
        group.get("devices") { request, context in
            let trainer = try context.requireTrainer()
            let cohort = try trainer.requireCohort(request.uri.queryParameters["cohort"].map(String.init))
            return try Response.json(DeviceList(devices: try await store.devices(cohort: cohort)))
        }
        group.delete("devices/{id}") { request, context in
            let trainer = try context.requireTrainer()
            let id = try context.parameters.require("id")
            guard let uuid = UUID(uuidString: id) else {
                throw APIError.invalidParameter("'\(id.prefix(60))' is not a device id; device ids are UUIDs.")
            }
            let deviceID = uuid.uuidString.lowercased()
            guard let target = try await store.credential(deviceID: deviceID)?.device else {
                throw APIError.notFound("There is no device \(deviceID).")
            }
            _ = try trainer.requireCohort(target.cohort)
            let now = environment.clock.now()
            if let revoked = try await store.revokeDevice(id: deviceID, at: now) {
                try await store.recordAudit(
                    .make(.revocation, by: trainer, at: now, details: ["device": revoked.id]))
            }
            context.logger.info("Revoked a device", metadata: ["device.revoked": "\(deviceID)"])
            return Response(status: .noContent)
        }
    }
}
