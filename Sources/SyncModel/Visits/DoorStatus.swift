/// The status of a door derived from its visits; see ``VisitLog``.
public enum DoorStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// No visit counts yet.
    case notVisited = "not-visited"
    /// Nobody opened at the latest visit.
    case notHome = "not-home"
    /// Come back later.
    case revisit
    /// The resident asked not to be visited again: do not knock again.
    case refused
    /// Somebody was interviewed.
    case interviewed

    /// The status that a visit with `outcome` leaves when it is the latest.
    public init(_ outcome: VisitOutcome) {
        switch outcome {
        case .interviewed: self = .interviewed
        case .notHome: self = .notHome
        case .refused: self = .refused
        case .revisit: self = .revisit
        }
    }

    /// Whether the door is still to be visited (`households --todo`).
    public var isToDo: Bool { self != .interviewed && self != .refused }
}
