import Foundation
import SyncModel

/// One security-relevant event for the data protection officer: who did what, when, in which cohort.
///
/// Never content: `details` holds formats, counts, yes/no and ids where they are needed, never answers,
/// tokens, codes or secrets. Events are only ever appended (`RecordStore.recordAudit(_:)`).
struct AuditEvent: Codable, Hashable, Sendable {
    /// When it happened.
    var time: Timestamp
    /// What kind of person or program acted.
    var actorKind: AuditActorKind
    /// Who acted: a participant's or trainer's name, a device id, or `admin` for the operator.
    var actor: String
    /// The cohort concerned; nil for events of the whole server (backups, migrations).
    var cohort: String?
    /// What happened.
    var kind: AuditEventKind
    /// Facts about it by name (e.g. `format`, `records`, `pseudonymized`), the same names the texts use.
    var details: [String: String]

    /// Makes an event; `details` must name no content.
    init(
        time: Timestamp, actorKind: AuditActorKind, actor: String, cohort: String?, kind: AuditEventKind,
        details: [String: String] = [:]
    ) {
        self.time = time
        self.actorKind = actorKind
        self.actor = actor
        self.cohort = cohort
        self.kind = kind
        self.details = details
    }

    private enum CodingKeys: String, CodingKey {
        case time, actorKind, actor, cohort, kind, details
    }

    /// Encodes every key, `cohort` as null for server-wide events, so that `syncserver audit --json` has stable keys.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(time, forKey: .time)
        try container.encode(actorKind, forKey: .actorKind)
        try container.encode(actor, forKey: .actor)
        try container.encode(cohort, forKey: .cohort)
        try container.encode(kind, forKey: .kind)
        try container.encode(details, forKey: .details)
    }

    /// The event by an enrolled device, acting for its person in its role; `byDevice` names the device.
    static func make(
        _ kind: AuditEventKind, by device: DeviceInfo, at time: Timestamp, details: [String: String] = [:]
    ) -> AuditEvent {
        var details = details
        details["byDevice"] = device.id
        return AuditEvent(
            time: time, actorKind: device.role == .trainer ? .trainer : .participant, actor: device.participant,
            cohort: device.cohort, kind: kind, details: details)
    }

    /// The event by the person signed in to the dashboard with `session`, in `role`.
    static func make(
        _ kind: AuditEventKind, session: DashboardSession, role: Role, at time: Timestamp, details: [String: String] = [:]
    ) -> AuditEvent {
        AuditEvent(
            time: time, actorKind: role == .trainer ? .trainer : .participant, actor: session.trainer,
            cohort: session.cohort, kind: kind, details: details)
    }

    /// The event by the operator (an admin command on the server).
    static func byOperator(
        _ kind: AuditEventKind, cohort: String?, at time: Timestamp, details: [String: String] = [:]
    ) -> AuditEvent {
        AuditEvent(time: time, actorKind: .operator, actor: "admin", cohort: cohort, kind: kind, details: details)
    }
}
