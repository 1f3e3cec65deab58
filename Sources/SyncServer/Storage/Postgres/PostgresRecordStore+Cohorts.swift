import Foundation
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// Creates a cohort.
    func createCohort(named name: String, at time: Timestamp) async throws -> CohortInfo {
        let inserted = try await rows(
            "INSERT INTO cohorts (name, created_at) VALUES (\(name), \(time.millisecondsSince1970)) ON CONFLICT DO NOTHING RETURNING name")
        guard !inserted.isEmpty else { throw StoreRules.cohortExists(name) }
        return CohortInfo(name: name, createdAt: time)
    }

    /// Lists cohorts by name.
    func cohorts() async throws -> [CohortInfo] {
        try await rows("SELECT name, created_at FROM cohorts ORDER BY name COLLATE \"C\"").map(Self.cohort(from:))
    }

    /// Finds a cohort.
    func cohort(named name: String) async throws -> CohortInfo? {
        try await rows("SELECT name, created_at FROM cohorts WHERE name = \(name)").first.map(Self.cohort(from:))
    }

    private static func cohort(from row: PostgresRow) throws -> CohortInfo {
        let (name, created) = try row.decode((String, Int64).self)
        return CohortInfo(name: name, createdAt: Timestamp(millisecondsSince1970: created))
    }
}
