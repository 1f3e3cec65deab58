import Foundation
import NIOCore
import SyncModel

/// Record states laid out as one array per column, for a multi-row insert through `unnest`.
struct RecordColumns: Sendable {
    /// The record ids.
    var ids: [UUID] = []
    /// The cohorts.
    var cohorts: [String] = []
    /// The collections.
    var collections: [String] = []
    /// The owners.
    var owners: [String] = []
    /// Whether the record names a survey (arrays cannot hold NULL through the binding).
    var hasSurvey: [Bool] = []
    /// The survey ids, empty when none.
    var surveys: [String] = []
    /// The survey versions, 0 when none.
    var surveyVersions: [Int64] = []
    /// The feed scopes.
    var scopes: [String] = []
    /// The feed sequences.
    var sequences: [Int64] = []
    /// The stored states (binary form).
    var states: [ByteBuffer] = []

    /// Lays out `records`, numbering their sequences from `firstSequence`; `state` gives each
    /// record's stored form.
    init(
        _ records: [SyncModel.Record], firstSequence: Int64,
        states state: (SyncModel.Record) -> Data = StoredState.encode
    ) {
        for (offset, record) in records.enumerated() {
            ids.append(record.id)
            cohorts.append(record.cohort)
            collections.append(record.collection)
            owners.append(record.owner)
            hasSurvey.append(record.survey != nil)
            surveys.append(record.survey ?? "")
            surveyVersions.append(Int64(record.surveyVersion ?? 0))
            scopes.append(FeedScope.of(record))
            sequences.append(firstSequence + Int64(offset))
            states.append(ByteBuffer(bytes: state(record)))
        }
    }
}
