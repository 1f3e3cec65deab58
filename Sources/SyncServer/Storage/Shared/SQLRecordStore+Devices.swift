import Foundation
import SyncModel

extension SQLRecordStore {
    /// The `devices` columns in the order ``device(from:)`` and ``credential(from:)`` read them.
    static var deviceColumns: String { "id, cohort, participant, role, name, replica, created_at, revoked_at, token_hash" }

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
                return .rows(
                    """
                    INSERT INTO devices (id, cohort, participant, role, name, replica, token_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(info.id), .text(info.cohort), .text(info.participant), .text(role.rawValue),
                        .text(info.name), .text(info.replicaId.description), .blob(device.tokenHash), .int(now),
                    ],
                    onDuplicate: StoreRules.replicaTaken(device.replica)
                ) { _ in info }
            })
    }

    /// Finds a device and its token hash.
    func credential(deviceID: String) async throws -> DeviceCredential? {
        try await reading(.rows("SELECT \(Self.deviceColumns) FROM devices WHERE id = ?", [.text(deviceID)]) {
            try $0.first.flatMap(Self.credential(from:))
        })
    }

    /// Lists the devices of `cohort`, or of every cohort, oldest first.
    func devices(cohort: String?) async throws -> [DeviceInfo] {
        let order = Self.dialect.byteOrder
        return try await reading(
            .rows(
                "SELECT \(Self.deviceColumns) FROM devices \(cohort == nil ? "" : "WHERE cohort = ? ")"
                    + "ORDER BY cohort\(order), created_at, id\(order)", cohort.map { [StoreValue.text($0)] } ?? []
            ) { try $0.compactMap(Self.device(from:)) })
    }

    /// Revokes a device (idempotently: the first revocation's time stays).
    func revokeDevice(id: String, at time: Timestamp) async throws -> DeviceInfo? {
        try await writing(
            .rows(
                "UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING \(Self.deviceColumns)",
                [.int(time.millisecondsSince1970), .text(id)]
            ) { try $0.first.flatMap(Self.device(from:)) })
    }

    /// Maps replica ids to the cohorts of their devices, with one query.
    func cohorts(ofReplicas replicas: Set<ReplicaID>) async throws -> [ReplicaID: String] {
        guard !replicas.isEmpty else { return [:] }
        return try await reading(
            .rows(
                "SELECT replica, cohort FROM devices WHERE replica IN (\(StoreStatement.marks(replicas.count)))",
                replicas.map { StoreValue.text($0.description) }
            ) { rows in
                var result: [ReplicaID: String] = [:]
                for row in rows { if let replica = ReplicaID(try row.text(0)) { result[replica] = try row.text(1) } }
                return result
            })
    }

    /// A device from a row of ``deviceColumns``; nil when this build does not read its role or replica.
    static func device(from row: StoreRow) throws -> DeviceInfo? {
        DeviceInfo(
            id: try row.text(0), cohort: try row.text(1), participant: try row.text(2), role: try row.text(3),
            name: try row.text(4), replica: try row.text(5), createdAt: try row.int(6), revokedAt: try row.optionalInt(7))
    }

    /// A device and its token hash from a row of ``deviceColumns``.
    static func credential(from row: StoreRow) throws -> DeviceCredential? {
        let tokenHash = try row.blob(8)
        return try device(from: row).map { DeviceCredential(device: $0, tokenHash: tokenHash) }
    }
}
