import SyncModel

/// Who is looking at the dashboard: the role behind a session, which decides whether free-text answers are listed.
///
/// A link a device asked for carries that device's role (only trainers' devices may ask). A link the operator
/// made (`syncserver dashboard-link`) names a person: a trainer when a trainer's device or enrollment code was
/// made for that name in the cohort, otherwise a participant (who sees the least).
enum DashboardViewer {
    /// The role of the person behind `session`.
    static func role(of session: DashboardSession, in store: some RecordStore) async throws -> Role {
        if session.createdBy != "admin" {
            return try await store.credential(deviceID: session.createdBy)?.device.role ?? .participant
        }
        let roles = try await store.enrolledRoles(cohort: session.cohort)[session.trainer] ?? []
        return roles.contains(.trainer) ? .trainer : .participant
    }
}
