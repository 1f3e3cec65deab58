import Foundation
import SyncModel

extension SQLRecordStore {
    /// Appends an audit event.
    func recordAudit(_ event: AuditEvent) async throws {
        try await writing(
            .rows("INSERT INTO audit_events (\(AuditEvent.columns)) VALUES (\(StoreStatement.marks(event.values.count)))", event.values) { _ in })
    }

    /// Reads the audit trail, oldest first.
    func auditEvents(cohort: String?, since: Timestamp?) async throws -> [AuditEvent] {
        try await reading(.step(Self.auditTrail(cohort: cohort, since: since)) { .done(try $0.compactMap(AuditEvent.init(row:))) })
    }

    /// Reads the audit trail's ``AuditEvent/columns``, oldest first (in insertion order within a millisecond).
    static func auditTrail(cohort: String?, since: Timestamp?) -> StoreStatement {
        StoreStatement(
            sql: "SELECT \(AuditEvent.columns) FROM audit_events WHERE at >= ?"
                + (cohort == nil ? "" : " AND (cohort IS NULL OR cohort = ?)") + " ORDER BY at, \(dialect.insertionOrder)",
            binds: [.int(since?.millisecondsSince1970 ?? Int64.min)] + (cohort.map { [StoreValue.text($0)] } ?? []))
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
