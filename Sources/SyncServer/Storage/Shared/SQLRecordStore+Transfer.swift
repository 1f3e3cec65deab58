import SyncModel

extension SQLRecordStore {
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
        rows += header.devices.map { credential in
            let device = credential.device
            return (
                "devices (id, cohort, participant, role, name, replica, token_hash, created_at, revoked_at)",
                [
                    .text(device.id), .text(device.cohort), .text(device.participant), .text(device.role.rawValue),
                    .text(device.name), .text(device.replicaId.description), .blob(credential.tokenHash),
                    .int(device.createdAt.millisecondsSince1970), StoreValue(device.revokedAt?.millisecondsSince1970),
                ]
            )
        }
        rows += header.codes.map { exported in
            let code = exported.code
            return (
                "enrollment_codes (code_hash, cohort, participant, role, created_at, expires_at, created_by, used_at, device_id)",
                [
                    .blob(code.codeHash), .text(code.cohort), .text(code.participant), .text(code.role.rawValue),
                    .int(code.createdAt.millisecondsSince1970), .int(code.expiresAt.millisecondsSince1970),
                    .text(code.createdBy), StoreValue(exported.usedAt?.millisecondsSince1970), StoreValue(exported.deviceID),
                ]
            )
        }
        rows += header.auditEvents.map { event in
            (
                "audit_events (at, actor_kind, actor, cohort, kind, details)",
                [
                    .int(event.time.millisecondsSince1970), .text(event.actorKind.rawValue), .text(event.actor),
                    StoreValue(event.cohort), .text(event.kind.rawValue), .text(event.detailsColumn),
                ]
            )
        }
        rows += header.surveys.map { survey in
            (
                "surveys (cohort, id, version, definition, published_at)",
                [
                    .text(survey.cohort), .text(survey.id), .int(Int64(survey.version)), .text(survey.definition),
                    .int(survey.publishedAt.millisecondsSince1970),
                ]
            )
        }
        let statements = rows.map { table, values in
            StoreStatement(
                sql: "INSERT INTO \(table) VALUES (\(StoreStatement.marks(values.count)))"
                    + (table.hasPrefix("meta ") ? " ON CONFLICT (key) DO UPDATE SET value = excluded.value" : ""),
                binds: values)
        }
        return .all(statements[...])
    }
}
