import Foundation

/// Why a record state cannot be merged or accepted.
public enum RecordError: Error, Hashable, Sendable {
    /// The two states disagree on an identity part, e.g. the record was moved to another cohort.
    case identityMismatch(id: UUID, part: String, expected: String, found: String)
    /// A sibling's dot is not covered by the record's own version vector.
    case dotNotCovered(field: String, dot: Dot)
    /// One register holds two siblings of the same replica, which causality forbids.
    case duplicateReplicaInRegister(field: String, replica: ReplicaID)
    /// A counter is beyond what any real device can reach (above 2^53, unsafe in JSON).
    case counterOutOfRange(replica: ReplicaID, counter: UInt64)
    /// A field name is empty, too long or has control characters.
    case invalidFieldName(String)
    /// A deletion sibling is malformed, e.g. a delete without the version it had seen.
    case invalidDeletion(dot: Dot)

    /// A message that says what is wrong and what to do.
    public var message: String {
        switch self {
        case .identityMismatch(let id, let part, let expected, let found):
            return "Record \(id.uuidString) cannot change its \(part) from '\(expected)' to '\(found)'. "
                + "Create a new record instead of moving one."
        case .dotNotCovered(let field, let dot):
            return "Field '\(field)' has a write \(dot) that the record's version does not include. "
                + "Send the record's full state as the client stored it."
        case .duplicateReplicaInRegister(let field, let replica):
            return "Field '\(field)' holds two values written by replica \(replica); a replica's own writes "
                + "always replace each other. Send the record's full state as the client stored it."
        case .counterOutOfRange(let replica, let counter):
            return "The version counter \(counter) of replica \(replica) is out of range (at most 2^53). "
                + "The record state is corrupt; re-create the record from the device's data."
        case .invalidFieldName(let name):
            return "'\(name.prefix(80))' is not a valid field name: use 1 to 128 printable characters."
        case .invalidDeletion(let dot):
            return "The deletion write \(dot) must carry the version it had seen. "
                + "Send the record's full state as the client stored it."
        }
    }
}

extension RecordError: LocalizedError {
    /// The message.
    public var errorDescription: String? { message }
}
