import Foundation
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// The device columns in the order `device(from:)` reads them.
    static let deviceColumns = "id, cohort, participant, role, name, replica, created_at, revoked_at, token_hash"

    /// Stores an enrollment code's hash.
    func addEnrollmentCode(_ code: NewEnrollmentCode) async throws {
        let inserted = try await rows(
            """
            INSERT INTO enrollment_codes (code_hash, cohort, participant, role, created_at, expires_at, created_by)
            SELECT \(code.codeHash), name, \(code.participant), \(code.role.rawValue),
                \(code.createdAt.millisecondsSince1970), \(code.expiresAt.millisecondsSince1970), \(code.createdBy)
            FROM cohorts WHERE name = \(code.cohort)
            RETURNING cohort
            """)
        try StoreRules.requireCohort(code.cohort, found: !inserted.isEmpty)
    }

    /// Consumes a code and creates its device in one transaction.
    func enroll(codeHash: Data, device: NewDevice, at time: Timestamp) async throws -> DeviceInfo {
        try await transaction { [self] connection in
            // Taking the code row's lock makes two enrollments with one code wait for each other.
            guard
                let row = try await connection.query(
                    """
                    SELECT cohort, participant, role FROM enrollment_codes
                    WHERE code_hash = \(codeHash) AND used_at IS NULL AND expires_at > \(time.millisecondsSince1970)
                    FOR UPDATE
                    """, logger: logger
                ).collect().first
            else { throw StoreError.invalidCode }
            let (cohort, participant, roleText) = try row.decode((String, String, String).self)
            guard let role = Role(rawValue: roleText) else { throw StoreError.invalidCode }
            let taken = try await connection.query(
                "SELECT 1 FROM devices WHERE replica = \(device.replica.description)", logger: logger
            ).collect()
            guard taken.isEmpty else { throw StoreRules.replicaTaken(device.replica) }
            try await connection.query(
                """
                UPDATE enrollment_codes SET used_at = \(time.millisecondsSince1970), device_id = \(device.id)
                WHERE code_hash = \(codeHash)
                """, logger: logger)
            let info = DeviceInfo(
                id: device.id, cohort: cohort, participant: participant, role: role, name: device.name,
                replicaId: device.replica, createdAt: time, revokedAt: nil)
            do {
                try await connection.query(
                    """
                    INSERT INTO devices (id, cohort, participant, role, name, replica, token_hash, created_at)
                    VALUES (\(info.id), \(cohort), \(participant), \(role.rawValue), \(info.name),
                        \(info.replicaId.description), \(device.tokenHash), \(time.millisecondsSince1970))
                    """, logger: logger)
            } catch where Self.sqlState(of: error) == "23505" {
                // Another enrollment took the replica id between the check and the insert.
                throw StoreRules.replicaTaken(device.replica)
            }
            return info
        }
    }

    /// Finds a device and its token hash.
    func credential(deviceID: String) async throws -> DeviceCredential? {
        try await rows("SELECT \(unescaped: Self.deviceColumns) FROM devices WHERE id = \(deviceID)").first.flatMap { row in
            let (_, _, _, _, _, _, _, _, tokenHash) = try row.decode(
                (String, String, String, String, String, String, Int64, Int64?, Data).self)
            return try Self.device(from: row).map { DeviceCredential(device: $0, tokenHash: tokenHash) }
        }
    }

    /// Lists devices.
    func devices(cohort: String?) async throws -> [DeviceInfo] {
        let found =
            if let cohort {
                try await rows(
                    """
                    SELECT \(unescaped: Self.deviceColumns) FROM devices WHERE cohort = \(cohort)
                    ORDER BY created_at, id COLLATE "C"
                    """)
            } else {
                try await rows(
                    """
                    SELECT \(unescaped: Self.deviceColumns) FROM devices
                    ORDER BY cohort COLLATE "C", created_at, id COLLATE "C"
                    """)
            }
        return try found.compactMap(Self.device(from:))
    }

    /// Revokes a device.
    func revokeDevice(id: String, at time: Timestamp) async throws -> DeviceInfo? {
        let found = try await rows(
            """
            UPDATE devices SET revoked_at = COALESCE(revoked_at, \(time.millisecondsSince1970)) WHERE id = \(id)
            RETURNING \(unescaped: Self.deviceColumns)
            """)
        return try found.first.flatMap(Self.device(from:))
    }

    /// Maps replica ids to the cohorts of their devices, with one `= ANY` query.
    func cohorts(ofReplicas replicas: Set<ReplicaID>) async throws -> [ReplicaID: String] {
        guard !replicas.isEmpty else { return [:] }
        let texts = replicas.map(\.description)
        var result: [ReplicaID: String] = [:]
        for row in try await rows("SELECT replica, cohort FROM devices WHERE replica = ANY(\(texts))") {
            let (replica, cohort) = try row.decode((String, String).self)
            if let replica = ReplicaID(replica) { result[replica] = cohort }
        }
        return result
    }

    /// Reads a device from a row of `deviceColumns`.
    static func device(from row: PostgresRow) throws -> DeviceInfo? {
        let (id, cohort, participant, role, name, replica, createdAt, revokedAt) = try row.decode(
            (String, String, String, String, String, String, Int64, Int64?).self)
        return DeviceInfo(
            id: id, cohort: cohort, participant: participant, role: role, name: name, replica: replica,
            createdAt: createdAt, revokedAt: revokedAt)
    }
}
