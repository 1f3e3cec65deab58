import SyncModel

/// One sibling of a conflict as shown: its number (1 = shown value), value, time and writer.
struct SiblingView: Encodable, Hashable, Sendable {
    /// 1-based position, winner first; the N of `resolve --keep N`.
    var number: Int
    /// The value, for a field conflict.
    var value: FieldValue?
    /// For a deletion conflict: whether this sibling deletes (true) or restores (false).
    var deleted: Bool?
    /// When it was written, milliseconds since 1970.
    var at: Int64
    /// The writing replica.
    var replica: String

    /// The text line, e.g. `2) 1 bis 5 Jahre   (25.11.2026 14:05, device 0f3c1a2b)`: a choice by its label.
    func text(question: Question?, texts: Texts) -> String {
        let shown: String
        if let value {
            shown = texts.answers.text(value, question: question)
        } else {
            shown = texts(deleted == true ? "conflict.deleted" : "conflict.restored")
        }
        let time: String = texts.time(Timestamp(millisecondsSince1970: at))
        return texts("conflict.sibling", ["number": String(number), "value": shown, "time": time, "device": String(replica.prefix(8))])
    }
}
