/// State-based merge of two states of the same record.
extension Record {
    /// Merges `other` into this state.
    ///
    /// Each register keeps a sibling that both sides have, or that the other side's version
    /// has not seen; the version becomes the pointwise maximum. An erased state absorbs the
    /// other: the result is erased, with no fields and no deletion register. Throws, changing nothing,
    /// when the states belong to different records or the identity differs.
    public mutating func merge(_ other: Record) throws(RecordError) {
        try checkSameIdentity(as: other)
        // An erasure is the top: it absorbs every state, and of two erasures the earlier wins.
        if erasure != nil || other.erasure != nil {
            let winner: Erasure
            switch (erasure, other.erasure) {
            case (let mine?, let theirs?): winner = mine.precedes(theirs) ? mine : theirs
            case (let mine?, nil): winner = mine
            default: winner = other.erasure!
            }
            erasure = winner
            fields = [:]
            deletion = Register()
            version.merge(other.version)
            return
        }
        // A state that has seen everything the other has already contains the merge.
        if version.dominates(other.version) { return }
        if other.version.dominates(version) {
            fields = other.fields
            deletion = other.deletion
            version = other.version
            return
        }
        var merged: [String: Register<FieldValue>] = [:]
        merged.reserveCapacity(Swift.max(fields.count, other.fields.count))
        for (name, register) in fields {
            let result = register.merging(other.fields[name] ?? Register(), context: version, otherContext: other.version)
            if !result.isEmpty { merged[name] = result }
        }
        for (name, register) in other.fields where fields[name] == nil {
            let result = Register().merging(register, context: version, otherContext: other.version)
            if !result.isEmpty { merged[name] = result }
        }
        fields = merged
        deletion = deletion.merging(other.deletion, context: version, otherContext: other.version)
        version.merge(other.version)
    }

    /// The merge of this state and `other`; see ``merge(_:)``.
    public func merging(_ other: Record) throws(RecordError) -> Record {
        var result = self
        try result.merge(other)
        return result
    }

    /// Throws when `other` is not a state of the same record with the same identity.
    public func checkSameIdentity(as other: Record) throws(RecordError) {
        func check(_ part: String, _ mine: String?, _ theirs: String?) throws(RecordError) {
            if mine != theirs {
                throw .identityMismatch(id: id, part: part, expected: mine ?? "none", found: theirs ?? "none")
            }
        }
        try check("id", id.uuidString, other.id.uuidString)
        try check("collection", collection, other.collection)
        try check("cohort", cohort, other.cohort)
        try check("survey", survey, other.survey)
        try check("survey version", surveyVersion.map(String.init), other.surveyVersion.map(String.init))
        try check("owner", owner, other.owner)
    }
}
