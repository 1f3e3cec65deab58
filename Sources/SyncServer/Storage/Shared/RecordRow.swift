import Foundation
import SyncModel

/// One row of the `records` table, derived from a record in the one place that knows the columns
/// and their NULL rules: `survey` and `survey_version` are NULL exactly when the record has none,
/// each on its own.
struct RecordRow: Sendable {
    /// The record id.
    var id: UUID
    /// The cohort.
    var cohort: String
    /// The collection.
    var collection: String
    /// The owner.
    var owner: String
    /// The survey id, nil (NULL) when the record names none.
    var survey: String?
    /// The survey version, nil (NULL) when the record names none.
    var surveyVersion: Int64?
    /// The feed scope (``FeedScope/of(_:)``).
    var scope: String
    /// The feed sequence.
    var sequence: Int64
    /// The stored form of the state.
    var state: Data
    /// When it was written, in milliseconds since 1970.
    var updatedAt: Int64
    /// The device whose push produced exactly this state, nil for none (see ``StoredChangesPage``).
    var origin: String?

    /// The columns of ``values``, in order.
    static let columns =
        "id, cohort, collection, owner, survey, survey_version, scope, sequence, state, updated_at, origin"

    /// The values of ``columns``, NULL where the row has none.
    var values: [StoreValue] {
        [
            .uuid(id), .text(cohort), .text(collection), .text(owner), StoreValue(survey), StoreValue(surveyVersion),
            .text(scope), .int(sequence), .blob(state), .int(updatedAt), StoreValue(origin),
        ]
    }

    /// The row for `record` at `sequence`; `state` is its stored form (``StoredState/encode(_:)``).
    init(_ record: SyncModel.Record, sequence: Int64, state: Data, updatedAt: Timestamp, origin: String?) {
        id = record.id
        cohort = record.cohort
        collection = record.collection
        owner = record.owner
        survey = record.survey
        surveyVersion = record.surveyVersion.map(Int64.init)
        scope = FeedScope.of(record)
        self.sequence = sequence
        self.state = state
        self.updatedAt = updatedAt.millisecondsSince1970
        self.origin = origin
    }
}
