import Hummingbird
import SyncModel

/// `POST /v1/enroll`: trades a one-time code for a device token.
struct EnrollController<Store: RecordStore>: Sendable {
    /// The store.
    let store: Store
    /// Clock, randomness and logger.
    let environment: ServerEnvironment
    /// Failed attempts per client address.
    let guessing: GuessingProtection

    /// Adds the route.
    func addRoutes(to group: RouterGroup<SyncRequestContext>) {
        group.post("enroll") { request, context in
            let address = guessing.clientAddress(of: request, context: context)
            if let wait = guessing.enrollments.retryAfter(for: address, at: environment.clock.now()) {
                context.logger.warning("Enrollment refused: too many failed attempts", metadata: ["client.address": "\(address)"])
                return try TooManyAttempts(retryAfter: wait).response()
            }
            let body = try await request.decodeJSON(EnrollRequest.self, context: context)
            let name = try CohortAdministration.checkName(body.deviceName, as: .device)
            let code = EnrollmentCode(typed: body.code)
            let invalid = APIError(
                .unauthorized, .invalidCode,
                "This enrollment code is unknown, already used or expired. Ask your trainer for a new code.")
            // A failed attempt is counted and logged without the code.
            let fail = {
                guessing.enrollments.recordFailure(of: address, at: environment.clock.now())
                context.logger.notice("Failed enrollment attempt", metadata: ["client.address": "\(address)"])
            }
            guard code.normalized.count == EnrollmentCode.length else {
                fail()
                throw invalid
            }
            let deviceID = environment.random.makeDeviceID()
            let token = DeviceToken.make(deviceID: deviceID, random: environment.random)
            let device: DeviceInfo
            do {
                device = try await store.enroll(
                    codeHash: code.hash,
                    device: NewDevice(id: deviceID, name: name, replica: body.replicaId, tokenHash: token.hash),
                    at: environment.clock.now())
            } catch StoreError.invalidCode {
                fail()
                throw StoreError.invalidCode
            }
            try await store.recordAudit(
                .make(.enrollment, by: device, at: environment.clock.now(), details: ["device": device.id, "role": device.role.rawValue]))
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
