/// Something concurrent writes left open, which a person should decide.
public enum Conflict: Hashable, Sendable {
    /// A field has several siblings; they are listed winner first.
    case field(name: String, siblings: [Sibling<FieldValue>])
    /// Concurrent deletes and restores; the record is shown as restored.
    case deleteAndRestore(siblings: [Sibling<Deletion>])
    /// The record was deleted while fields were edited elsewhere; the record stays visible.
    case editedWhileDeleted(fields: [String], deletions: [Sibling<Deletion>])

    /// The field name for a field conflict; nil otherwise.
    public var fieldName: String? {
        if case .field(let name, _) = self { return name }
        return nil
    }
}
