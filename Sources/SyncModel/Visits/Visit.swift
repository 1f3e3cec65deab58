/// One visit at a door, as read from the visit log (or from the legacy visit fields).
public struct Visit: Hashable, Sendable, Codable {
    /// The visit's id: a lowercase UUID, or `legacy-<replica>-<counter>` for a visit of the old fields.
    public var id: String
    /// When the visit was made (the visitor's clock).
    public var at: Timestamp
    /// The participant or trainer who made it.
    public var by: String
    /// What happened, normally a ``VisitOutcome`` raw value.
    public var outcome: String
    /// The note written at the door.
    public var note: String?
    /// Who withdrew it, sorted; empty when it counts.
    public var withdrawnBy: [String]

    /// Creates a visit.
    public init(id: String, at: Timestamp, by: String, outcome: String, note: String?, withdrawnBy: [String] = []) {
        self.id = id
        self.at = at
        self.by = by
        self.outcome = outcome
        self.note = note
        self.withdrawnBy = withdrawnBy
    }

    /// Whether the visit was withdrawn and no longer counts.
    public var isWithdrawn: Bool { !withdrawnBy.isEmpty }

    /// The outcome as a known ``VisitOutcome``; nil for an unknown word.
    public var knownOutcome: VisitOutcome? { VisitOutcome(rawValue: outcome) }

    /// Whether this visit is newer than `other`: the later time, then the larger id.
    public func isNewer(than other: Visit) -> Bool {
        (at, id) > (other.at, other.id)
    }

    /// The field value of a new visit's entry: `{at, by, outcome, note}`.
    public static func makeEntry(at: Timestamp, by: String, outcome: VisitOutcome, note: String?) -> FieldValue {
        .object([
            "at": .integer(at.millisecondsSince1970), "by": .string(by), "outcome": .string(outcome.rawValue),
            "note": note.map(FieldValue.string) ?? .null,
        ])
    }

    /// The field value of a withdrawal: `{at, by}`.
    public static func makeWithdrawal(at: Timestamp, by: String) -> FieldValue {
        .object(["at": .integer(at.millisecondsSince1970), "by": .string(by)])
    }
}
