/// How many bytes of a record's stored binary form are sync metadata and how many are content.
///
/// The encoder fills it from what it writes (``StoredRecordEncoding/measure(_:)``), so
/// ``total`` always equals the length of ``StoredRecordEncoding/encode(_:)``'s result.
public struct StoredRecordSize: Hashable, Sendable {
    /// The format marker and version byte.
    public var header = 0
    /// The record id, collection, cohort, owner, survey and survey version.
    public var identity = 0
    /// The table of replica ids referenced by the version vector, the edits and deletions.
    public var replicaTable = 0
    /// The version vector's counters.
    public var versionVector = 0
    /// The table of distinct edits: replica index, counter and timestamp of each.
    public var editTable = 0
    /// Per field, the sibling count and each sibling's edit index.
    public var siblingReferences = 0
    /// The whole deletion register: its siblings, flags and the version vectors deleters had seen.
    public var deletion = 0
    /// The number of fields and their names.
    public var fieldNames = 0
    /// The field values.
    public var values = 0

    /// Creates an all-zero size.
    public init() {}

    /// The bytes that only serve synchronization: header, replica table, version vector, edit
    /// table, sibling references and the deletion register. The two header bytes are counted
    /// here too, so the figure errs on the high side.
    public var syncMetadata: Int {
        header + replicaTable + versionVector + editTable + siblingReferences + deletion
    }

    /// The bytes a record would need without synchronization: identity, field names and values.
    public var content: Int { identity + fieldNames + values }

    /// The length of the stored form.
    public var total: Int { syncMetadata + content }
}
