import Foundation
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// Appends an audit event.
    func recordAudit(_ event: AuditEvent) async throws {
        _ = try await rows(
            """
            INSERT INTO audit_events (at, actor_kind, actor, cohort, kind, details)
            VALUES (\(event.time.millisecondsSince1970), \(event.actorKind.rawValue), \(event.actor), \(event.cohort),
                \(event.kind.rawValue), \(event.detailsColumn))
            """)
    }

    /// Reads the audit trail, oldest first.
    func auditEvents(cohort: String?, since: Timestamp?) async throws -> [AuditEvent] {
        let from = since?.millisecondsSince1970 ?? Int64.min
        let found: [PostgresRow]
        if let cohort {
            found = try await rows(
                """
                SELECT at, actor_kind, actor, cohort, kind, details FROM audit_events
                WHERE (cohort IS NULL OR cohort = \(cohort)) AND at >= \(from) ORDER BY at, ctid
                """)
        } else {
            found = try await rows(
                "SELECT at, actor_kind, actor, cohort, kind, details FROM audit_events WHERE at >= \(from) ORDER BY at, ctid")
        }
        return try found.compactMap(Self.auditEvent(from:))
    }

    /// An event from a row of `at, actor_kind, actor, cohort, kind, details`.
    static func auditEvent(from row: PostgresRow) throws -> AuditEvent? {
        let (at, actorKind, actor, cohort, kind, details) = try row.decode((Int64, String, String, String?, String, String).self)
        return AuditEvent(at: at, actorKind: actorKind, actor: actor, cohort: cohort, kind: kind, details: details)
    }

    /// Reads or makes the pseudonym secret; `ON CONFLICT` keeps the first one when instances race.
    func pseudonymSecret(random: any RandomSource) async throws -> Data {
        let key = StoreRules.pseudonymSecretKey
        let candidate = StoreRules.makePseudonymSecret(random: random)
        _ = try await rows("INSERT INTO meta (key, value) VALUES (\(key), \(candidate)) ON CONFLICT (key) DO NOTHING")
        let stored = try await rows("SELECT value FROM meta WHERE key = \(key)").first?.decode(String.self)
        guard let stored, let secret = StoreRules.pseudonymSecret(fromHex: stored) else {
            throw StoreRules.notASyncserverDatabase(lacking: "readable pseudonym secret")
        }
        return secret
    }
}
