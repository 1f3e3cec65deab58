import SyncModel

/// A published survey version as stored, its definition as the exact JSON text.
struct ExportedSurvey: Sendable {
    /// The cohort.
    var cohort: String
    /// The survey id.
    var id: String
    /// The version.
    var version: Int
    /// The canonical JSON definition.
    var definition: String
    /// When it was published.
    var publishedAt: Timestamp
}
