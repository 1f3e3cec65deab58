import Foundation
import SyncModel

extension SQLRecordStore {
    /// Appends an audit event.
    func recordAudit(_ event: AuditEvent) async throws {
        try await writing(
            .rows(
                "INSERT INTO audit_events (at, actor_kind, actor, cohort, kind, details) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    .int(event.time.millisecondsSince1970), .text(event.actorKind.rawValue), .text(event.actor),
                    StoreValue(event.cohort), .text(event.kind.rawValue), .text(event.detailsColumn),
                ]
            ) { _ in })
    }

    /// Reads the audit trail, oldest first.
    func auditEvents(cohort: String?, since: Timestamp?) async throws -> [AuditEvent] {
        try await reading(Self.auditTrail(cohort: cohort, since: since))
    }

    /// Reads the audit trail, oldest first (in insertion order within a millisecond).
    static func auditTrail(cohort: String?, since: Timestamp?) -> StoreScript<[AuditEvent]> {
        .rows(
            "SELECT at, actor_kind, actor, cohort, kind, details FROM audit_events WHERE at >= ?"
                + (cohort == nil ? "" : " AND (cohort IS NULL OR cohort = ?)") + " ORDER BY at, \(dialect.insertionOrder)",
            [.int(since?.millisecondsSince1970 ?? Int64.min)] + (cohort.map { [StoreValue.text($0)] } ?? [])
        ) { rows in
            try rows.compactMap { row in
                AuditEvent(
                    at: try row.int(0), actorKind: try row.text(1), actor: try row.text(2), cohort: try row.optionalText(3),
                    kind: try row.text(4), details: try row.text(5))
            }
        }
    }

    /// Reads the pseudonym secret, or stores `random`'s first; `ON CONFLICT` keeps the first one
    /// when instances race.
    func pseudonymSecret(random: any RandomSource) async throws -> Data {
        let key = StoreRules.pseudonymSecretKey
        return try await writing(
            .run(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                [.text(key), .text(StoreRules.makePseudonymSecret(random: random))]
            ) { _ in
                .rows("SELECT value FROM meta WHERE key = ?", [.text(key)]) { rows in
                    guard let stored = try rows.first?.text(0), let secret = StoreRules.pseudonymSecret(fromHex: stored) else {
                        throw StoreRules.notASyncserverDatabase(lacking: "readable pseudonym secret")
                    }
                    return secret
                }
            })
    }
}
