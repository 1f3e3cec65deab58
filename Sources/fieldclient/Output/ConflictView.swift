import SyncModel

/// An open conflict as shown by `show`, `conflicts` and their JSON.
struct ConflictView: Encodable, Hashable, Sendable {
    /// `field`, `deleteAndRestore` or `editedWhileDeleted`.
    var kind: String
    /// The field, for a field conflict; `_deleted` for the others.
    var field: String
    /// Fields edited while the record was deleted.
    var fields: [String]?
    /// The siblings, winner first.
    var siblings: [SiblingView]

    /// The view of `conflict`.
    init(_ conflict: Conflict) {
        switch conflict {
        case .field(let name, let siblings):
            kind = "field"
            field = name
            self.siblings = siblings.enumerated().map {
                SiblingView(
                    number: $0.offset + 1, value: $0.element.value, at: $0.element.timestamp.millisecondsSince1970,
                    replica: $0.element.dot.replica.description)
            }
        case .deleteAndRestore(let siblings):
            kind = "deleteAndRestore"
            field = "_deleted"
            self.siblings = Self.deletions(siblings)
        case .editedWhileDeleted(let fields, let deletions):
            kind = "editedWhileDeleted"
            field = "_deleted"
            self.fields = fields
            siblings = Self.deletions(deletions)
        }
    }

    /// The lines shown to people, indented, in the language of `texts`; `question` gives labels.
    func lines(recordPrefix: String, question: Question?, texts: Texts) -> [String] {
        var result: [String] = []
        switch kind {
        case "field":
            let label = question.map { " (" + texts.answers.questionLabel($0) + ")" } ?? ""
            result.append("  " + texts("conflict.field", ["field": field + label, "count": String(siblings.count)]))
        case "deleteAndRestore":
            result.append("  " + texts("conflict.deleteAndRestore"))
        default:
            result.append("  " + texts("conflict.editedWhileDeleted", ["fields": (fields ?? []).joined(separator: ", ")]))
        }
        result += siblings.map { "    " + $0.text(question: question, texts: texts) }
        if kind == "field" {
            result.append("    " + texts("conflict.resolveField", ["id": recordPrefix, "field": field]))
        } else {
            result.append("    " + texts("conflict.resolveDeletion", ["id": recordPrefix]))
        }
        return result
    }

    private static func deletions(_ siblings: [Sibling<Deletion>]) -> [SiblingView] {
        siblings.enumerated().map {
            SiblingView(
                number: $0.offset + 1, deleted: $0.element.value.isDeleted,
                at: $0.element.timestamp.millisecondsSince1970, replica: $0.element.dot.replica.description)
        }
    }
}
