import SyncModel

/// A cohort: one course group whose members share surveys and the door list.
struct CohortInfo: Codable, Hashable, Sendable {
    /// The unique name, e.g. `wedding-2026`.
    var name: String
    /// When it was created.
    var createdAt: Timestamp
}
