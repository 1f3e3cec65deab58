import SyncModel

/// Who is looking at the dashboard: the role behind a session, which decides whether free-text answers are listed.
///
/// A link a device asked for carries that device's role (only trainers' devices may ask). A link the operator
/// made (`syncserver dashboard-link`) names a person: a participant when that person has enrolled devices in
/// the cohort and none of them is a trainer's, otherwise a trainer.
enum DashboardViewer {
    /// The role of the person behind `session`.
    static func role(of session: DashboardSession, in store: some RecordStore) async throws -> Role {
        if session.createdBy != "admin" {
            return try await store.credential(deviceID: session.createdBy)?.device.role ?? .participant
        }
        let devices = try await store.devices(cohort: session.cohort).filter { $0.participant == session.trainer }
        return devices.isEmpty || devices.contains { $0.role == .trainer } ? .trainer : .participant
    }
}
