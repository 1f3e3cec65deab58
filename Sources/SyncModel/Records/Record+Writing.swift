/// Local writes: each write takes a new dot from the writing replica's counter. On an erased
/// record a write still takes its dot but stores nothing: an erased record never regains content.
extension Record {
    /// Writes several fields as one edit at `replica` and returns the edit's dot, or nil when
    /// `changes` is empty.
    ///
    /// All fields of one edit share one dot: the edit is one event, the counter grows by one
    /// per edit and not per field, and the fields of an edit are superseded together or not
    /// at all. Each written field's siblings become just the new value, superseding every
    /// sibling this replica has seen; that is how a conflict is resolved.
    @discardableResult
    public mutating func write(_ changes: [String: FieldValue], by replica: ReplicaID, at timestamp: Timestamp) -> Dot? {
        guard !changes.isEmpty else { return nil }
        let dot = version.increment(replica)
        // An erased record never regains content: the write is counted, its values are dropped.
        guard erasure == nil else { return dot }
        for (name, value) in changes {
            fields[name, default: Register()].assign(value, dot: dot, timestamp: timestamp)
        }
        return dot
    }

    /// Writes one field at `replica` and returns the write's dot.
    @discardableResult
    public mutating func write(_ name: String, _ value: FieldValue, by replica: ReplicaID, at timestamp: Timestamp) -> Dot {
        write([name: value], by: replica, at: timestamp)!
    }

    /// Deletes the record at `replica`. The fields stay, so a restore brings them back.
    @discardableResult
    public mutating func delete(by replica: ReplicaID, at timestamp: Timestamp) -> Dot {
        let seen = version
        let dot = version.increment(replica)
        guard erasure == nil else { return dot }
        deletion.assign(Deletion(isDeleted: true, seen: seen), dot: dot, timestamp: timestamp)
        return dot
    }

    /// Restores a deleted record at `replica`; a restore is a later write.
    @discardableResult
    public mutating func restore(by replica: ReplicaID, at timestamp: Timestamp) -> Dot {
        let dot = version.increment(replica)
        guard erasure == nil else { return dot }
        deletion.assign(Deletion(isDeleted: false, seen: nil), dot: dot, timestamp: timestamp)
        return dot
    }

    /// Erases the record at `replica`: every field, sibling and deletion is dropped for good and
    /// only the identity, the version and `erasure` remain. Erasing an erased record keeps the
    /// erasure that wins the merge and takes no new dot.
    @discardableResult
    public mutating func erase(_ erasure: Erasure, by replica: ReplicaID) -> Dot? {
        if let existing = self.erasure {
            if erasure.precedes(existing) { self.erasure = erasure }
            return nil
        }
        let dot = version.increment(replica)
        self.erasure = erasure
        fields = [:]
        deletion = Register()
        return dot
    }
}
