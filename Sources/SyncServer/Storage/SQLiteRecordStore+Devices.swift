import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Stores an enrollment code's hash.
    func addEnrollmentCode(_ code: NewEnrollmentCode) async throws {
        try await write { db in
            try StoreRules.requireCohort(code.cohort, found: Self.cohortExists(db, code.cohort))
            try db.execute(
                sql: """
                    INSERT INTO enrollment_codes (code_hash, cohort, participant, role, created_at, expires_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    code.codeHash, code.cohort, code.participant, code.role.rawValue,
                    code.createdAt.millisecondsSince1970, code.expiresAt.millisecondsSince1970, code.createdBy,
                ])
        }
    }

    /// Consumes a code and creates its device in one transaction.
    func enroll(codeHash: Data, device: NewDevice, at time: Timestamp) async throws -> DeviceInfo {
        try await write { db in
            guard
                let code = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT cohort, participant, role FROM enrollment_codes
                        WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
                        """,
                    arguments: [codeHash, time.millisecondsSince1970]),
                let role = Role(rawValue: code["role"])
            else { throw StoreError.invalidCode }
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM devices WHERE replica = ?", arguments: [device.replica.description]) == true
            { throw StoreRules.replicaTaken(device.replica) }
            try db.execute(
                sql: "UPDATE enrollment_codes SET used_at = ?, device_id = ? WHERE code_hash = ?",
                arguments: [time.millisecondsSince1970, device.id, codeHash])
            let info = DeviceInfo(
                id: device.id, cohort: code["cohort"], participant: code["participant"], role: role, name: device.name,
                replicaId: device.replica, createdAt: time, revokedAt: nil)
            try db.execute(
                sql: """
                    INSERT INTO devices (id, cohort, participant, role, name, replica, token_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    info.id, info.cohort, info.participant, role.rawValue, info.name, info.replicaId.description,
                    device.tokenHash, time.millisecondsSince1970,
                ])
            return info
        }
    }

    /// Finds a device and its token hash.
    func credential(deviceID: String) async throws -> DeviceCredential? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM devices WHERE id = ?", arguments: [deviceID]).flatMap { row in
                try Self.device(from: row).map { DeviceCredential(device: $0, tokenHash: row["token_hash"]) }
            }
        }
    }

    /// Lists devices.
    func devices(cohort: String?) async throws -> [DeviceInfo] {
        try await read { db in
            let rows =
                if let cohort {
                    try Row.fetchAll(
                        db, sql: "SELECT * FROM devices WHERE cohort = ? ORDER BY created_at, id", arguments: [cohort])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM devices ORDER BY cohort, created_at, id")
                }
            return try rows.compactMap(Self.device(from:))
        }
    }

    /// Revokes a device.
    func revokeDevice(id: String, at time: Timestamp) async throws -> DeviceInfo? {
        try await write { db in
            try db.execute(
                sql: "UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                arguments: [time.millisecondsSince1970, id])
            return try Row.fetchOne(db, sql: "SELECT * FROM devices WHERE id = ?", arguments: [id])
                .flatMap(Self.device(from:))
        }
    }

    /// Maps replica ids to the cohorts of their devices.
    func cohorts(ofReplicas replicas: Set<ReplicaID>) async throws -> [ReplicaID: String] {
        guard !replicas.isEmpty else { return [:] }
        let texts = replicas.map(\.description)
        return try await read { db in
            let placeholders = Array(repeating: "?", count: texts.count).joined(separator: ",")
            var result: [ReplicaID: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT replica, cohort FROM devices WHERE replica IN (\(placeholders))",
                arguments: StatementArguments(texts))
            {
                if let replica = ReplicaID(row["replica"] as String) { result[replica] = row["cohort"] }
            }
            return result
        }
    }

    /// Reads a device from a `devices` row.
    static func device(from row: Row) throws -> DeviceInfo? {
        DeviceInfo(
            id: row["id"], cohort: row["cohort"], participant: row["participant"], role: row["role"], name: row["name"],
            replica: row["replica"], createdAt: row["created_at"], revokedAt: row["revoked_at"] as Int64?)
    }
}
