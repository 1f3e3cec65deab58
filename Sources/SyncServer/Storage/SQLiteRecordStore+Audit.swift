import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Appends an audit event.
    func recordAudit(_ event: AuditEvent) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO audit_events (at, actor_kind, actor, cohort, kind, details) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    event.time.millisecondsSince1970, event.actorKind.rawValue, event.actor, event.cohort,
                    event.kind.rawValue, event.detailsColumn,
                ])
        }
    }

    /// Reads the audit trail, oldest first.
    func auditEvents(cohort: String?, since: Timestamp?) async throws -> [AuditEvent] {
        try await read { db in try Self.auditEvents(db, cohort: cohort, since: since) }
    }

    /// Reads the audit trail in `db`, oldest first (in insertion order within a millisecond).
    static func auditEvents(_ db: Database, cohort: String?, since: Timestamp?) throws -> [AuditEvent] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT at, actor_kind, actor, cohort, kind, details FROM audit_events
                WHERE (? IS NULL OR cohort IS NULL OR cohort = ?) AND at >= ?
                ORDER BY at, rowid
                """,
            arguments: [cohort, cohort, since?.millisecondsSince1970 ?? Int64.min]
        ).compactMap { row in
            AuditEvent(
                at: row["at"], actorKind: row["actor_kind"], actor: row["actor"], cohort: row["cohort"], kind: row["kind"],
                details: row["details"])
        }
    }

    /// Reads or makes the pseudonym secret.
    func pseudonymSecret(random: any RandomSource) async throws -> Data {
        let candidate = StoreRules.makePseudonymSecret(random: random)
        return try await write { db in
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                arguments: [StoreRules.pseudonymSecretKey, candidate])
            let stored = try String.fetchOne(
                db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [StoreRules.pseudonymSecretKey])
            guard let stored, let secret = StoreRules.pseudonymSecret(fromHex: stored) else {
                throw StoreRules.notASyncserverDatabase(lacking: "readable pseudonym secret")
            }
            return secret
        }
    }
}
