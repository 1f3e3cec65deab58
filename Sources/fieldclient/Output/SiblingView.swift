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

    /// The text line, e.g. `2) 4   (2026-11-25T10:00:00.000Z, device 0f3c1a2b)`.
    var text: String {
        let shown: String
        if let value {
            shown = value.displayText
        } else {
            shown = deleted == true ? "deleted" : "restored"
        }
        let time: String = Timestamp(millisecondsSince1970: at).description
        return String(number) + ") " + shown + "   (" + time + ", device " + String(replica.prefix(8)) + ")"
    }
}
