import Foundation
import SyncModel

extension SQLRecordStore {
    /// Stores an enrollment code's hash for an existing cohort.
    func addEnrollmentCode(_ code: NewEnrollmentCode) async throws {
        try await writing(
            .rows(
                """
                INSERT INTO enrollment_codes (code_hash, cohort, participant, role, created_at, expires_at, created_by)
                SELECT ?, name, ?, ?, ?, ?, ? FROM cohorts WHERE name = ? RETURNING cohort
                """,
                [
                    .blob(code.codeHash), .text(code.participant), .text(code.role.rawValue),
                    .int(code.createdAt.millisecondsSince1970), .int(code.expiresAt.millisecondsSince1970),
                    .text(code.createdBy), .text(code.cohort),
                ]
            ) { try StoreRules.requireCohort(code.cohort, found: !$0.isEmpty) })
    }

    /// Consumes a code and creates its device in one transaction; the conditional update makes a
    /// code single-use even when two enrollments (or instances) use it at once.
    func enroll(codeHash: Data, device: NewDevice, at time: Timestamp) async throws -> DeviceInfo {
        let now = time.millisecondsSince1970
        return try await writing(
            .run(
                """
                UPDATE enrollment_codes SET used_at = ?, device_id = ?
                WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING cohort, participant, role
                """, [.int(now), .text(device.id), .blob(codeHash), .int(now)]
            ) { codes in
                guard let code = codes.first, let role = Role(rawValue: try code.text(2)) else {
                    throw StoreError.invalidCode
                }
                let info = DeviceInfo(
                    id: device.id, cohort: try code.text(0), participant: try code.text(1), role: role,
                    name: device.name, replicaId: device.replica, createdAt: time, revokedAt: nil)
                let credential = DeviceCredential(device: info, tokenHash: device.tokenHash)
                return .rows(
                    "INSERT INTO devices (\(DeviceCredential.columns)) VALUES (\(StoreStatement.marks(credential.values.count)))",
                    credential.values, onDuplicate: StoreRules.replicaTaken(device.replica)
                ) { _ in info }
            })
    }

    /// Finds a device and its token hash.
    func credential(deviceID: String) async throws -> DeviceCredential? {
        try await reading(.rows("SELECT \(DeviceCredential.columns) FROM devices WHERE id = ?", [.text(deviceID)]) {
            try $0.first.flatMap(DeviceCredential.init(row:))
        })
    }

    /// Lists the devices of `cohort`, or of every cohort, oldest first.
    func devices(cohort: String?) async throws -> [DeviceInfo] {
        let order = Self.dialect.byteOrder
        return try await reading(
            .rows(
                "SELECT \(DeviceInfo.columns) FROM devices \(cohort == nil ? "" : "WHERE cohort = ? ")"
                    + "ORDER BY cohort\(order), created_at, id\(order)", cohort.map { [StoreValue.text($0)] } ?? []
            ) { try $0.compactMap(DeviceInfo.init(row:)) })
    }

    /// Revokes a device (idempotently: the first revocation's time stays).
    func revokeDevice(id: String, at time: Timestamp) async throws -> DeviceInfo? {
        try await writing(
            .rows(
                "UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING \(DeviceInfo.columns)",
                [.int(time.millisecondsSince1970), .text(id)]
            ) { try $0.first.flatMap(DeviceInfo.init(row:)) })
    }

    /// The roles of each person's devices (revoked or not) and enrollment codes (used or not) in `cohort`.
    func enrolledRoles(cohort: String) async throws -> [String: Set<Role>] {
        try await reading(
            .rows(
                """
                SELECT participant, role FROM devices WHERE cohort = ?
                UNION SELECT participant, role FROM enrollment_codes WHERE cohort = ?
                """, [.text(cohort), .text(cohort)]
            ) { rows in
                var roles: [String: Set<Role>] = [:]
                for row in rows {
                    if let role = Role(rawValue: try row.text(1)) { roles[try row.text(0), default: []].insert(role) }
                }
                return roles
            })
    }

    /// Maps replica ids to the owners of their devices, revoked or not, with one query.
    func owners(ofReplicas replicas: Set<ReplicaID>) async throws -> [ReplicaID: ReplicaOwner] {
        guard !replicas.isEmpty else { return [:] }
        return try await reading(
            .rows(
                """
                SELECT replica, cohort, participant, role FROM devices
                WHERE replica IN (\(StoreStatement.marks(replicas.count)))
                """,
                replicas.map { StoreValue.text($0.description) }
            ) { rows in
                var result: [ReplicaID: ReplicaOwner] = [:]
                for row in rows {
                    guard let replica = ReplicaID(try row.text(0)), let role = Role(rawValue: try row.text(3)) else {
                        continue
                    }
                    result[replica] = ReplicaOwner(cohort: try row.text(1), participant: try row.text(2), role: role)
                }
                return result
            })
    }
}
