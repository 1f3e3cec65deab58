import Foundation
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// Publishes a survey version.
    func publishSurvey(_ survey: PublishedSurvey) async throws {
        let json = String(decoding: survey.definition.canonicalJSON(), as: UTF8.self)
        try await transaction { [self] connection in
            let cohort = try await connection.query(
                "SELECT 1 FROM cohorts WHERE name = \(survey.cohort) FOR SHARE", logger: logger
            ).collect()
            try StoreRules.requireCohort(survey.cohort, found: !cohort.isEmpty)
            let inserted = try await connection.query(
                """
                INSERT INTO surveys (cohort, id, version, definition, published_at)
                VALUES (\(survey.cohort), \(survey.definition.id), \(survey.definition.version), \(json),
                    \(survey.publishedAt.millisecondsSince1970))
                ON CONFLICT DO NOTHING RETURNING id
                """, logger: logger
            ).collect()
            guard !inserted.isEmpty else { throw StoreRules.surveyPublished(survey) }
        }
    }

    /// Lists a cohort's surveys.
    func surveys(cohort: String) async throws -> [PublishedSurvey] {
        try await rows(
            """
            SELECT definition, published_at FROM surveys WHERE cohort = \(cohort)
            ORDER BY id COLLATE "C", version
            """
        ).map { row in
            let (definition, publishedAt) = try row.decode((String, Int64).self)
            return PublishedSurvey(
                cohort: cohort, publishedAt: Timestamp(millisecondsSince1970: publishedAt),
                definition: try SurveyDefinitionCache.shared.definition(decoding: definition))
        }
    }
}
