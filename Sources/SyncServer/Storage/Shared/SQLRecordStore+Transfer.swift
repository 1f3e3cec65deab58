import Foundation
import SyncModel

extension SQLRecordStore {
    /// Reads everything but records and relay notes (with the audit trail and the pseudonym
    /// secret), in one snapshot, as `syncserver migrate` moves it.
    func exportHeader() async throws -> DeploymentHeader {
        let order = Self.dialect.byteOrder
        let tables = [
            "key, value FROM meta",
            "epoch, retired_at FROM retired_epochs ORDER BY retired_at, epoch\(order)",
            "name, created_at FROM cohorts ORDER BY name\(order)",
            "\(DeviceCredential.columns) FROM devices ORDER BY created_at, id\(order)",
            "\(ExportedCode.columns) FROM enrollment_codes ORDER BY created_at, code_hash",
            "\(ExportedSurvey.columns) FROM surveys ORDER BY cohort\(order), id\(order), version",
        ].map { StoreStatement(sql: "SELECT \($0)", binds: []) }
        let trail = Self.auditTrail(cohort: nil, since: nil)
        return try await reading(
            .run((tables + [trail])[...]) { rows in
                let meta = Dictionary(try rows[0].map { (try $0.text(0), try $0.text(1)) }) { first, _ in first }
                return .done(
                    DeploymentHeader(
                        epoch: try StoreRules.requireEpoch(meta["epoch"]),
                        serverReplica: try StoreRules.requireServerReplica(meta["server_replica"]).description,
                        retiredEpochs: try rows[1].map { RetiredEpoch(epoch: try $0.text(0), retiredAt: try $0.time(1)) },
                        cohorts: try rows[2].map(Self.cohort(from:)), devices: try rows[3].compactMap(DeviceCredential.init(row:)),
                        codes: try rows[4].compactMap(ExportedCode.init(row:)), surveys: try rows[5].map(ExportedSurvey.init(row:)),
                        auditEvents: try rows[6].compactMap(AuditEvent.init(row:)),
                        pseudonymSecret: meta[StoreRules.pseudonymSecretKey]))
            })
    }

    /// Reads up to `limit` records with a sequence above `sequence`, in sequence order, decoded
    /// from whichever form they are stored in.
    ///
    /// Records are never removed and a change only raises a record's sequence, so paging by
    /// sequence reaches every record even if the source is written meanwhile.
    func exportRecords(after sequence: Int64, limit: Int) async throws -> [ExportedRecord] {
        try await reading(
            .rows(
                "SELECT state, sequence, updated_at FROM records WHERE sequence > ? ORDER BY sequence LIMIT ?",
                [.int(sequence), .int(Int64(limit))]
            ) { rows in
                try rows.map { row in
                    let sequence = try row.int(1)
                    let record: SyncModel.Record
                    do {
                        record = try StoredState.record(from: row.blob(0))
                    } catch {
                        throw StoreRules.unreadableState(at: sequence, error)
                    }
                    return ExportedRecord(record: record, sequence: sequence, updatedAt: try row.time(2))
                }
            })
    }

    /// Reads every relay note.
    func exportRelays() async throws -> [ExportedRelay] {
        try await reading(.rows("SELECT \(ExportedRelay.columns) FROM relays ORDER BY sequence") {
            try $0.compactMap(ExportedRelay.init(row:))
        })
    }

    /// Refuses a destination whose tables that `syncserver migrate` fills hold any row
    /// (``StoreRules/requireEmpty(_:at:)``); `location` names it in the message.
    static func emptiness(at location: String) -> StoreScript<Void> {
        let tables = ["cohorts", "devices", "enrollment_codes", "surveys", "records", "relays", "retired_epochs", "audit_events"]
        return .rows(tables.map { "SELECT '\($0)', count(*) FROM \($0)" }.joined(separator: " UNION ALL ")) { rows in
            let counts = try rows.map { (table: try $0.text(0), rows: try $0.int(1)) }
            try StoreRules.requireEmpty(counts.filter { $0.rows > 0 }.sorted { $0.table < $1.table }, at: location)
        }
    }

    /// Stores `header` in an empty database, as `syncserver migrate` moves it: with `newEpoch`
    /// current, the source's epoch (and the epochs it had retired) listed as retired, and the
    /// source's server replica and pseudonym secret kept. One statement per row, in order, so the
    /// audit trail keeps its insertion order.
    static func importing(_ header: DeploymentHeader, newEpoch: String, at time: Timestamp) -> StoreScript<Void> {
        let retired = header.retiredEpochs.filter { $0.epoch != header.epoch } + [RetiredEpoch(epoch: header.epoch, retiredAt: time)]
        let meta = [("epoch", newEpoch), ("server_replica", header.serverReplica)]
            + (header.pseudonymSecret.map { [(StoreRules.pseudonymSecretKey, $0)] } ?? [])
        var rows: [(String, [StoreValue])] = meta.map { ("meta (key, value)", [.text($0.0), .text($0.1)]) }
        rows += retired.map { ("retired_epochs (epoch, retired_at)", [.text($0.epoch), .int($0.retiredAt.millisecondsSince1970)]) }
        rows += header.cohorts.map { ("cohorts (name, created_at)", [.text($0.name), .int($0.createdAt.millisecondsSince1970)]) }
        rows += header.devices.map { ("devices (\(DeviceCredential.columns))", $0.values) }
        rows += header.codes.map { ("enrollment_codes (\(ExportedCode.columns))", $0.values) }
        rows += header.auditEvents.map { ("audit_events (\(AuditEvent.columns))", $0.values) }
        rows += header.surveys.map { ("surveys (\(ExportedSurvey.columns))", $0.values) }
        let statements = rows.map { table, values in
            StoreStatement(
                sql: "INSERT INTO \(table) VALUES (\(StoreStatement.marks(values.count)))"
                    + (table.hasPrefix("meta ") ? " ON CONFLICT (key) DO UPDATE SET value = excluded.value" : ""),
                binds: values)
        }
        return .all(statements[...])
    }
}
