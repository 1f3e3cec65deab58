import Foundation
import NIOCore
import PostgresNIO
import SyncModel

/// Record rows laid out as one array per column, for a multi-row upsert through `unnest`.
///
/// Arrays cannot bind NULL, so each nullable column comes with a flag array; ``upsert(_:)``
/// turns the flags back into the NULLs of ``RecordRow``.
struct RecordColumns: Sendable {
    /// The record ids.
    var ids: [UUID] = []
    /// The cohorts.
    var cohorts: [String] = []
    /// The collections.
    var collections: [String] = []
    /// The owners.
    var owners: [String] = []
    /// Whether the row has a survey id.
    var hasSurvey: [Bool] = []
    /// The survey ids, empty when none.
    var surveys: [String] = []
    /// Whether the row has a survey version.
    var hasVersion: [Bool] = []
    /// The survey versions, 0 when none.
    var surveyVersions: [Int64] = []
    /// The feed scopes.
    var scopes: [String] = []
    /// The feed sequences.
    var sequences: [Int64] = []
    /// The stored states.
    var states: [ByteBuffer] = []
    /// The write times.
    var updatedAt: [Int64] = []
    /// The origins, "" for none (device ids are never empty).
    var origins: [String] = []

    /// Lays out `rows`.
    init(_ rows: [RecordRow]) {
        for row in rows {
            ids.append(row.id)
            cohorts.append(row.cohort)
            collections.append(row.collection)
            owners.append(row.owner)
            hasSurvey.append(row.survey != nil)
            surveys.append(row.survey ?? "")
            hasVersion.append(row.surveyVersion != nil)
            surveyVersions.append(row.surveyVersion ?? 0)
            scopes.append(row.scope)
            sequences.append(row.sequence)
            states.append(ByteBuffer(bytes: row.state))
            updatedAt.append(row.updatedAt)
            origins.append(row.origin ?? "")
        }
    }

    /// The statement that inserts these rows, or replaces the state, sequence, time and origin of
    /// those that exist.
    var upsert: PostgresQuery {
        """
        INSERT INTO records (id, cohort, collection, owner, survey, survey_version, scope, sequence, state, updated_at,
            origin)
        SELECT id, cohort, collection, owner, CASE WHEN has_survey THEN survey END,
            CASE WHEN has_version THEN survey_version::INTEGER END, scope, sequence, state, updated_at, NULLIF(origin, '')
        FROM unnest(\(ids)::uuid[], \(cohorts)::text[], \(collections)::text[], \(owners)::text[],
            \(hasSurvey)::bool[], \(surveys)::text[], \(hasVersion)::bool[], \(surveyVersions)::int8[],
            \(scopes)::text[], \(sequences)::int8[], \(states)::bytea[], \(updatedAt)::int8[], \(origins)::text[])
            AS r(id, cohort, collection, owner, has_survey, survey, has_version, survey_version, scope, sequence, state,
                updated_at, origin)
        ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, state = excluded.state,
            updated_at = excluded.updated_at, origin = excluded.origin
        """
    }
}
