import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Reads everything but records and relay notes (with the audit trail and the pseudonym secret), in one snapshot.
    func exportHeader() async throws -> DeploymentHeader {
        try await read { db in
            let meta = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT key, value FROM meta").map {
                    ($0["key"] as String, $0["value"] as String)
                })
            let epoch = try StoreRules.requireEpoch(meta["epoch"])
            let replica = try StoreRules.requireServerReplica(meta["server_replica"]).description
            let retired = try Row.fetchAll(db, sql: "SELECT epoch, retired_at FROM retired_epochs ORDER BY retired_at").map {
                RetiredEpoch(epoch: $0["epoch"], retiredAt: Timestamp(millisecondsSince1970: $0["retired_at"]))
            }
            let cohorts = try Self.run(
                .rows("SELECT name, created_at FROM cohorts ORDER BY name") { try $0.map(Self.cohort(from:)) }, in: db)
            let devices = try Self.run(
                .rows("SELECT \(Self.deviceColumns) FROM devices ORDER BY created_at, id") {
                    try $0.compactMap(Self.credential(from:))
                }, in: db)
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
                codes: codes, surveys: surveys, auditEvents: try Self.run(Self.auditTrail(cohort: nil, since: nil), in: db),
                pseudonymSecret: meta[StoreRules.pseudonymSecretKey])
        }
    }

    /// Reads up to `limit` records with a sequence above `sequence`, in sequence order, decoded
    /// from whichever form they are stored in.
    ///
    /// Records are never removed and a change only raises a record's sequence, so paging by
    /// sequence reaches every record even if the source is written meanwhile.
    func exportRecords(after sequence: Int64, limit: Int) async throws -> [ExportedRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT state, sequence, updated_at FROM records WHERE sequence > ? ORDER BY sequence LIMIT ?",
                arguments: [sequence, limit]
            ).map { row in
                let sequence: Int64 = row["sequence"]
                let record: SyncModel.Record
                do {
                    record = try StoredState.record(from: row["state"])
                } catch {
                    throw StoreRules.unreadableState(at: sequence, error)
                }
                return ExportedRecord(
                    record: record, sequence: sequence, updatedAt: Timestamp(millisecondsSince1970: row["updated_at"]))
            }
        }
    }

    /// Reads every relay note.
    func exportRelays() async throws -> [ExportedRelay] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM relays ORDER BY sequence").compactMap { row -> ExportedRelay? in
                RelayNote(
                    recordID: row["record_id"], deviceID: row["device_id"], epoch: row["epoch"], replicaList: row["replicas"]
                ).map {
                    ExportedRelay(
                        note: $0, sequence: row["sequence"], relayedAt: Timestamp(millisecondsSince1970: row["relayed_at"]))
                }
            }
        }
    }
}
