import Foundation
import SyncModel

/// A stored record state with its feed sequence, as `syncserver migrate` moves it.
struct ExportedRecord: Sendable {
    /// The record id.
    var id: UUID
    /// The cohort.
    var cohort: String
    /// The collection.
    var collection: String
    /// The owner.
    var owner: String
    /// The survey id of a response.
    var survey: String?
    /// The survey version of a response.
    var surveyVersion: Int?
    /// The feed scope.
    var scope: String
    /// The feed sequence.
    var sequence: Int64
    /// The state as wire JSON (the transfer form, whatever form the source stores).
    var state: Data
    /// When it was last written.
    var updatedAt: Timestamp
}
