import Foundation
import GRDB
import SyncModel

extension SQLiteRecordStore {
    /// Stores a login link's hash and drops links that expired.
    func addDashboardLink(_ link: NewDashboardLink) async throws {
        try await write { db in
            try StoreRules.requireCohort(link.cohort, found: Self.cohortExists(db, link.cohort))
            try db.execute(
                sql: "DELETE FROM dashboard_links WHERE expires_at <= ?",
                arguments: [link.createdAt.millisecondsSince1970])
            try db.execute(
                sql: """
                    INSERT INTO dashboard_links (link_hash, cohort, trainer, created_at, expires_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    link.linkHash, link.cohort, link.trainer, link.createdAt.millisecondsSince1970,
                    link.expiresAt.millisecondsSince1970, link.createdBy,
                ])
        }
    }

    /// Consumes a login link and creates its session in one transaction.
    func redeemDashboardLink(linkHash: Data, session: NewDashboardSession, at time: Timestamp) async throws
        -> DashboardSession
    {
        try await write { db in
            guard
                let link = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT cohort, trainer, created_by FROM dashboard_links
                        WHERE link_hash = ? AND used_at IS NULL AND expires_at > ?
                        """,
                    arguments: [linkHash, time.millisecondsSince1970])
            else { throw StoreError.invalidLink }
            try db.execute(
                sql: "UPDATE dashboard_links SET used_at = ? WHERE link_hash = ?",
                arguments: [time.millisecondsSince1970, linkHash])
            try db.execute(
                sql: "DELETE FROM dashboard_sessions WHERE expires_at <= ?", arguments: [time.millisecondsSince1970])
            let result = DashboardSession(
                cohort: link["cohort"], trainer: link["trainer"], createdBy: link["created_by"],
                expiresAt: session.expiresAt)
            try db.execute(
                sql: """
                    INSERT INTO dashboard_sessions (token_hash, cohort, trainer, created_by, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    session.tokenHash, result.cohort, result.trainer, result.createdBy, time.millisecondsSince1970,
                    session.expiresAt.millisecondsSince1970,
                ])
            return result
        }
    }

    /// Finds a live session by its cookie's hash.
    func dashboardSession(tokenHash: Data, at time: Timestamp) async throws -> DashboardSession? {
        try await read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT cohort, trainer, created_by, expires_at FROM dashboard_sessions AS s
                    WHERE token_hash = ? AND expires_at > ?
                    AND NOT EXISTS (SELECT 1 FROM devices WHERE id = s.created_by AND revoked_at IS NOT NULL)
                    """,
                arguments: [tokenHash, time.millisecondsSince1970]
            ).map { row in
                DashboardSession(
                    cohort: row["cohort"], trainer: row["trainer"], createdBy: row["created_by"],
                    expiresAt: Timestamp(millisecondsSince1970: row["expires_at"]))
            }
        }
    }
}
