/// Reserved field names of response records. Survey question names never start with `_`, so
/// these never clash with answers, and validation ignores them.
public enum ResponseField {
    /// `"draft"` or `"final"`; see ``ResponseStatus``.
    public static let status = "_status"
    /// The id of the household record the interview was held at.
    public static let household = "_household"
    /// A free note by the interviewer or a trainer.
    public static let note = "_note"
    /// When the interview started, in milliseconds since 1970 (an integer).
    public static let createdAt = "_createdAt"

    /// The door a `_household` answer names, as the door list writes door ids (lower case), so
    /// that an id written in either case finds its door; nil when there is none.
    public static func doorKey(_ household: FieldValue?) -> String? {
        household?.stringValue.map { $0.lowercased() }
    }
}

/// Whether a response is still being worked on or complete.
public enum ResponseStatus: String, Codable, Hashable, Sendable, CaseIterable {
    /// Incomplete: required questions may be unanswered.
    case draft
    /// Complete: validation binds required questions.
    case final
}
