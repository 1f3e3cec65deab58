import Foundation
import SyncModel

/// A survey version published to a cohort; versions are immutable once published.
struct PublishedSurvey: Codable, Hashable, Sendable {
    /// The cohort it is published to.
    var cohort: String
    /// When it was published.
    var publishedAt: Timestamp
    /// The definition.
    var definition: SurveyDefinition

    /// The key that names this version in a cohort.
    var key: SurveyKey { SurveyKey(id: definition.id, version: definition.version) }
}
