/// Who erased a record, when and why: all that an erased record keeps besides its identity.
///
/// An erasure (Art. 17 DSGVO) is the top of a record's lattice: merging an erased state with
/// any state of the same record gives an erased state, so it reaches every replica whatever
/// order states arrive in; see docs/PROTOCOL.md. Two erasures of one record merge to the
/// earlier one (then the smaller name, then the smaller reason), so the merge stays
/// commutative, associative and idempotent.
public struct Erasure: Hashable, Sendable, Codable {
    /// The default reason: the resident asked for the erasure (Art. 17 DSGVO).
    public static let onRequest = "on-request"
    /// The reason of a purge of deleted records past their retention.
    public static let retention = "retention"
    /// The reason of a purge of a whole cohort after the course.
    public static let courseEnded = "course-ended"
    /// The reasons that have texts in the catalogs (`erasure.reason.REASON`); other reasons are shown as written.
    public static let knownReasons: Set<String> = [onRequest, retention, courseEnded]

    /// The name of the trainer or operator who erased the record.
    public var erasedBy: String
    /// When the record was erased.
    public var erasedAt: Timestamp
    /// Why: one of ``knownReasons`` or a short text of the eraser's; never content.
    public var reason: String

    /// Creates an erasure.
    public init(erasedBy: String, erasedAt: Timestamp, reason: String = Erasure.onRequest) {
        self.erasedBy = erasedBy
        self.erasedAt = erasedAt
        self.reason = reason
    }

    /// Whether this erasure wins over `other` when two erasures of one record meet.
    public func precedes(_ other: Erasure) -> Bool {
        (erasedAt, erasedBy, reason) < (other.erasedAt, other.erasedBy, other.reason)
    }

    private enum CodingKeys: String, CodingKey {
        case erasedBy = "by"
        case erasedAt = "at"
        case reason
    }
}
