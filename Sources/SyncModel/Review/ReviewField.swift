/// Field names of the review thread inside a response record: one field per message, written once.
///
/// A message is the field `_review.<id>` holding `{at, by, role, kind, text}`. The leading `_`
/// marks it as response metadata, like `_status` and `_note`: question names never start with
/// `_`, so it never clashes with an answer, and survey validation and the answer columns of the
/// exports skip it.
public enum ReviewField {
    /// The prefix of every review field.
    public static let prefix = "_review."

    /// The field of message `id`.
    public static func message(_ id: String) -> String { prefix + id }

    /// Whether `name` is a field of the review thread.
    public static func isLogField(_ name: String) -> Bool { name.hasPrefix(prefix) }

    /// The message id of a review field; nil for other fields.
    public static func messageID(_ name: String) -> String? {
        guard name.hasPrefix(prefix) else { return nil }
        let id = String(name.dropFirst(prefix.count))
        return id.isEmpty ? nil : id
    }
}
