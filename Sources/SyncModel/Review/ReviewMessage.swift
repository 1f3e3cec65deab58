/// One message of a response's review thread.
public struct ReviewMessage: Hashable, Sendable, Codable {
    /// The message id (a lowercase UUID).
    public var id: String
    /// When it was written (the writer's clock).
    public var at: Timestamp
    /// Who wrote it.
    public var by: String
    /// The writer's role, `trainer` or `participant`.
    public var role: String
    /// What it does.
    public var kind: ReviewKind
    /// The text; empty for `ok` and `close` without one.
    public var text: String

    /// Creates a message.
    public init(id: String, at: Timestamp, by: String, role: String, kind: ReviewKind, text: String) {
        self.id = id
        self.at = at
        self.by = by
        self.role = role
        self.kind = kind
        self.text = text
    }

    /// Reads a message from the value of field `_review.<id>`; nil when it is no message.
    public init?(id: String, value: FieldValue) {
        guard case .object(let members) = value, case .integer(let at)? = members["at"],
            let by = members["by"]?.stringValue, let role = members["role"]?.stringValue,
            let kind = members["kind"]?.stringValue.flatMap(ReviewKind.init(rawValue:))
        else { return nil }
        self.init(
            id: id, at: Timestamp(millisecondsSince1970: at), by: by, role: role, kind: kind,
            text: members["text"]?.stringValue ?? "")
    }

    /// The field value of this message.
    public var fieldValue: FieldValue {
        .object([
            "at": .integer(at.millisecondsSince1970), "by": .string(by), "role": .string(role), "kind": .string(kind.rawValue),
            "text": .string(text),
        ])
    }
}
