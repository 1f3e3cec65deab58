import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Creates a cohort.
    func createCohort(named name: String, at time: Timestamp) async throws -> CohortInfo {
        try await write { db in
            if try Self.cohortExists(db, name) { throw StoreRules.cohortExists(name) }
            try db.execute(
                sql: "INSERT INTO cohorts (name, created_at) VALUES (?, ?)",
                arguments: [name, time.millisecondsSince1970])
            return CohortInfo(name: name, createdAt: time)
        }
    }

    /// Lists cohorts by name.
    func cohorts() async throws -> [CohortInfo] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT name, created_at FROM cohorts ORDER BY name").map(Self.cohort(from:))
        }
    }

    /// Finds a cohort.
    func cohort(named name: String) async throws -> CohortInfo? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT name, created_at FROM cohorts WHERE name = ?", arguments: [name])
                .map(Self.cohort(from:))
        }
    }

    /// Whether the cohort `name` exists.
    static func cohortExists(_ db: Database, _ name: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM cohorts WHERE name = ?", arguments: [name]) == true
    }

    /// Reads a cohort from a row of `name, created_at`.
    static func cohort(from row: Row) -> CohortInfo {
        CohortInfo(name: row["name"], createdAt: Timestamp(millisecondsSince1970: row["created_at"]))
    }
}
