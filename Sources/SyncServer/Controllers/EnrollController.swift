import Hummingbird
import SyncModel

/// `POST /v1/enroll`: trades a one-time code for a device token.
struct EnrollController<Store: RecordStore>: Sendable {
    /// The store.
    let store: Store
    /// Clock, randomness and logger.
    let environment: ServerEnvironment

    /// Adds the route.
    func addRoutes(to group: RouterGroup<SyncRequestContext>) {
        group.post("enroll") { request, context in
            let body = try await request.decodeJSON(EnrollRequest.self, context: context)
            let name = try CohortAdministration.checkName(body.deviceName, what: "device name")
            let code = EnrollmentCode(typed: body.code)
            guard code.normalized.count == EnrollmentCode.length else {
                throw APIError(
                    .unauthorized, .invalidCode,
                    "This enrollment code is unknown, already used or expired. Ask your trainer for a new code.")
            }
            let deviceID = environment.random.makeDeviceID()
            let token = DeviceToken.make(deviceID: deviceID, random: environment.random)
            let device = try await store.enroll(
                codeHash: code.hash,
                device: NewDevice(id: deviceID, name: name, replica: body.replicaId, tokenHash: token.hash),
                at: environment.clock.now())
            let epoch = try await store.epoch()
            context.logger.info(
                "Enrolled a device",
                metadata: ["device.id": "\(device.id)", "cohort.name": "\(device.cohort)", "device.role": "\(device.role)"])
            return try Response.json(
                EnrollResponse(
                    token: token.text, deviceId: device.id, cohort: device.cohort, participant: device.participant,
                    role: device.role, epoch: epoch),
                status: .created)
        }
    }
}
