/// Log fields: fields written once each (visits, withdrawals, review messages) that never
/// disagree, so they are never conflicts.
extension Record {
    /// Whether field `name` of this record belongs to a log rather than to the record's own data.
    ///
    /// On doors, the visit log and the legacy visit fields (each sibling of which reads as one
    /// visit); on responses, the review thread.
    public func isLogField(_ name: String) -> Bool {
        if collection == RecordCollection.households {
            return VisitField.isLogField(name) || VisitField.legacyFields.contains(name)
        }
        return ReviewField.isLogField(name)
    }

    /// The shown values without log fields: the record's own data.
    public var ownValues: [String: FieldValue] {
        values.filter { !isLogField($0.key) }
    }
}
