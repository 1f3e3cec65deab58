import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Reads everything but records and relay notes, in one snapshot.
    func exportHeader() async throws -> DeploymentHeader {
        try await read { db in
            let meta = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM meta").map {
                    ($0["key"] as String, $0["value"] as String)
                })
            guard let epoch = meta["epoch"], let replica = meta["server_replica"] else {
                throw StoreError.notFound("The source has no epoch; it is not a syncserver database.")
            }
            let retired = try Row.fetchAll(db, sql: "SELECT epoch, retired_at FROM retired_epochs ORDER BY retired_at").map {
                RetiredEpoch(epoch: $0["epoch"], retiredAt: Timestamp(millisecondsSince1970: $0["retired_at"]))
            }
            let cohorts = try Row.fetchAll(db, sql: "SELECT name, created_at FROM cohorts ORDER BY name").map {
                CohortInfo(name: $0["name"], createdAt: Timestamp(millisecondsSince1970: $0["created_at"]))
            }
            let devices = try Row.fetchAll(db, sql: "SELECT * FROM devices ORDER BY created_at, id").compactMap { row in
                try Self.device(from: row).map { DeviceCredential(device: $0, tokenHash: row["token_hash"]) }
            }
            let codes = try Row.fetchAll(db, sql: "SELECT * FROM enrollment_codes ORDER BY created_at").compactMap {
                row -> ExportedCode? in
                guard let role = Role(rawValue: row["role"]) else { return nil }
                return ExportedCode(
                    code: NewEnrollmentCode(
                        codeHash: row["code_hash"], cohort: row["cohort"], participant: row["participant"], role: role,
                        createdAt: Timestamp(millisecondsSince1970: row["created_at"]),
                        expiresAt: Timestamp(millisecondsSince1970: row["expires_at"]), createdBy: row["created_by"]),
                    usedAt: (row["used_at"] as Int64?).map(Timestamp.init(millisecondsSince1970:)),
                    deviceID: row["device_id"])
            }
            let surveys = try Row.fetchAll(db, sql: "SELECT * FROM surveys ORDER BY cohort, id, version").map {
                ExportedSurvey(
                    cohort: $0["cohort"], id: $0["id"], version: $0["version"], definition: $0["definition"],
                    publishedAt: Timestamp(millisecondsSince1970: $0["published_at"]))
            }
            return DeploymentHeader(
                epoch: epoch, serverReplica: replica, retiredEpochs: retired, cohorts: cohorts, devices: devices,
                codes: codes, surveys: surveys)
        }
    }

    /// Reads up to `limit` records with a sequence above `sequence`, in sequence order.
    ///
    /// Records are never removed and a change only raises a record's sequence, so paging by
    /// sequence reaches every record even if the source is written meanwhile.
    /// States leave as wire JSON, whichever form they are stored in.
    func exportRecords(after sequence: Int64, limit: Int) async throws -> [ExportedRecord] {
        try await read { db in
            return try Row.fetchAll(
                db, sql: "SELECT * FROM records WHERE sequence > ? ORDER BY sequence LIMIT ?",
                arguments: [sequence, limit]
            ).compactMap { row -> ExportedRecord? in
                guard let id = UUID(uuidString: row["id"]) else { return nil }
                let state: Data
                do {
                    state = try StoredState.wireJSON(row["state"])
                } catch {
                    throw StoreError.conflict(
                        "The source's record \(id) is not a readable state: \(error). Nothing was moved; restore that "
                            + "record from a backup or remove it, then migrate again.")
                }
                return ExportedRecord(
                    id: id, cohort: row["cohort"], collection: row["collection"], owner: row["owner"],
                    survey: row["survey"], surveyVersion: row["survey_version"], scope: row["scope"],
                    sequence: row["sequence"], state: state,
                    updatedAt: Timestamp(millisecondsSince1970: row["updated_at"]))
            }
        }
    }

    /// Reads every relay note.
    func exportRelays() async throws -> [ExportedRelay] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM relays ORDER BY sequence").compactMap { row -> ExportedRelay? in
                guard let id = UUID(uuidString: row["record_id"]) else { return nil }
                let replicas = (row["replicas"] as String).split(separator: ",").compactMap { ReplicaID(String($0)) }
                return ExportedRelay(
                    note: RelayNote(recordID: id, deviceID: row["device_id"], epoch: row["epoch"], replicas: replicas),
                    sequence: row["sequence"], relayedAt: Timestamp(millisecondsSince1970: row["relayed_at"]))
            }
        }
    }
}
