/// What kind of person or program an ``AuditEvent``'s actor is.
enum AuditActorKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// A device, when no person can be named.
    case device
    /// A participant (interviewer) of a cohort.
    case participant
    /// A trainer of a cohort.
    case trainer
    /// The operator, through `syncserver` admin commands.
    case `operator`
}
