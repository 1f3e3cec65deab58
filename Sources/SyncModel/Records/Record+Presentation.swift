/// What people see of a record: one value per field, whether it is deleted, and open conflicts.
extension Record {
    /// The shown value of a field: the winning sibling's value, or nil when never written.
    public func value(of name: String) -> FieldValue? {
        fields[name]?.winner?.value
    }

    /// The shown values of all fields, including fields set to null.
    public var values: [String: FieldValue] {
        // `mapValues` keeps the hash table as it is; only a field without siblings needs a new one.
        guard fields.values.allSatisfy({ !$0.siblings.isEmpty }) else { return fields.compactMapValues { $0.winner?.value } }
        return fields.mapValues { $0.winner!.value }
    }

    /// Whether the record was erased: it has no content left and only its identity and
    /// ``erasure`` are shown.
    public var isErased: Bool { erasure != nil }

    /// Whether the record is shown as deleted.
    ///
    /// The rule: a record is deleted when every sibling of its deletion register is a delete
    /// and those deletes together had seen every current field sibling. A concurrent restore
    /// wins over a delete, and an edit the deleter had not seen keeps the record visible; both
    /// cases are reported in ``conflicts``, so nothing disappears unseen. A later delete or
    /// restore settles it.
    public var isDeleted: Bool {
        guard !deletion.isEmpty, deletion.siblings.allSatisfy(\.value.isDeleted) else { return false }
        return unseenByDeletion.isEmpty
    }

    /// The open conflicts, fields in name order first. Log fields (``isLogField(_:)``) are never
    /// conflicts: their siblings are separate entries of a log, not a disagreement.
    public var conflicts: [Conflict] {
        var result: [Conflict] = fields.keys.sorted().compactMap { name in
            let register = fields[name]!
            if isLogField(name) { return nil }
            return register.isConflict ? .field(name: name, siblings: register.siblingsByPreference) : nil
        }
        if !deletion.isEmpty {
            if deletion.siblings.contains(where: \.value.isDeleted) {
                if deletion.siblings.contains(where: { !$0.value.isDeleted }) {
                    result.append(.deleteAndRestore(siblings: deletion.siblingsByPreference))
                } else {
                    let unseen = unseenByDeletion
                    if !unseen.isEmpty {
                        result.append(.editedWhileDeleted(fields: unseen, deletions: deletion.siblingsByPreference))
                    }
                }
            }
        }
        return result
    }

    /// Whether any conflict is open.
    public var hasConflicts: Bool { !conflicts.isEmpty }

    /// The latest timestamp of any current sibling: when the record was last changed as far as
    /// this state knows; nil for a record with no writes.
    public var lastModified: Timestamp? {
        let fieldTimes = fields.values.lazy.flatMap(\.siblings).map(\.timestamp)
        let deletionTimes = deletion.siblings.lazy.map(\.timestamp)
        return (Array(fieldTimes) + Array(deletionTimes)).max()
    }

    /// The fields, in name order, with a sibling that the current deletes had not seen.
    private var unseenByDeletion: [String] {
        var context = VersionVector()
        for sibling in deletion.siblings where sibling.value.isDeleted {
            context.merge(sibling.value.seen ?? VersionVector())
            context[sibling.dot.replica] = Swift.max(context[sibling.dot.replica], sibling.dot.counter)
        }
        return fields.keys.sorted().filter { name in
            fields[name]!.siblings.contains { !context.covers($0.dot) }
        }
    }
}
