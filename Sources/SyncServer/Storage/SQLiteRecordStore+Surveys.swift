import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Publishes a survey version.
    func publishSurvey(_ survey: PublishedSurvey) async throws {
        let json = String(decoding: survey.definition.canonicalJSON(), as: UTF8.self)
        try await write { db in
            try StoreRules.requireCohort(survey.cohort, found: Self.cohortExists(db, survey.cohort))
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM surveys WHERE cohort = ? AND id = ? AND version = ?",
                arguments: [survey.cohort, survey.definition.id, survey.definition.version]) == true
            { throw StoreRules.surveyPublished(survey) }
            try db.execute(
                sql: "INSERT INTO surveys (cohort, id, version, definition, published_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    survey.cohort, survey.definition.id, survey.definition.version, json,
                    survey.publishedAt.millisecondsSince1970,
                ])
        }
    }

    /// Lists a cohort's surveys.
    func surveys(cohort: String) async throws -> [PublishedSurvey] {
        let rows = try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT definition, published_at FROM surveys WHERE cohort = ? ORDER BY id, version",
                arguments: [cohort]
            ).map { (definition: $0["definition"] as String, publishedAt: $0["published_at"] as Int64) }
        }
        return try rows.map { row in
            PublishedSurvey(
                cohort: cohort, publishedAt: Timestamp(millisecondsSince1970: row.publishedAt),
                definition: try SurveyDefinitionCache.shared.definition(decoding: row.definition))
        }
    }
}
