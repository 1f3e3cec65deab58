/// What an ``AuditEvent`` records; its raw value names it in `syncserver audit --json` and in the database.
enum AuditEventKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A one-time enrollment code was issued (`participant`, `role`); never the code.
    case enrollmentCode = "enrollment-code"
    /// A device enrolled with a code (`device`, `role`).
    case enrollment
    /// A device was revoked (`device`).
    case revocation
    /// A dashboard login link was made (`trainer`).
    case dashboardLink = "dashboard-link"
    /// A dashboard login link was redeemed and a session opened.
    case dashboardLogin = "dashboard-login"
    /// A cohort report was read over the API.
    case reportRead = "report-read"
    /// Responses were exported (`format`, `survey`, `records`, `pseudonymized`, `via`).
    case export
    /// A backup was written (`epoch`).
    case backup
    /// The database was migrated to PostgreSQL (`records`, `epoch`).
    case migration
    /// A record was erased on a resident's request (`record`).
    case erasure
    /// Deleted or all records of a cohort were erased for retention (`records`, and `before` or `all: yes`).
    case purge
}
