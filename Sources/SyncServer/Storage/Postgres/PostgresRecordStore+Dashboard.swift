import Foundation
import PostgresNIO
import SyncModel

extension PostgresRecordStore {
    /// Stores a login link's hash and drops links that expired.
    func addDashboardLink(_ link: NewDashboardLink) async throws {
        try await transaction { [self] connection in
            try await connection.query(
                "DELETE FROM dashboard_links WHERE expires_at <= \(link.createdAt.millisecondsSince1970)", logger: logger)
            let inserted = try await connection.query(
                """
                INSERT INTO dashboard_links (link_hash, cohort, trainer, created_at, expires_at, created_by)
                SELECT \(link.linkHash), name, \(link.trainer), \(link.createdAt.millisecondsSince1970),
                    \(link.expiresAt.millisecondsSince1970), \(link.createdBy)
                FROM cohorts WHERE name = \(link.cohort)
                RETURNING cohort
                """, logger: logger
            ).collect()
            try StoreRules.requireCohort(link.cohort, found: !inserted.isEmpty)
        }
    }

    /// Consumes a login link and creates its session in one transaction; the conditional
    /// update makes a link single-use even when two instances redeem it at once.
    func redeemDashboardLink(linkHash: Data, session: NewDashboardSession, at time: Timestamp) async throws
        -> DashboardSession
    {
        try await transaction { [self] connection in
            guard
                let row = try await connection.query(
                    """
                    UPDATE dashboard_links SET used_at = \(time.millisecondsSince1970)
                    WHERE link_hash = \(linkHash) AND used_at IS NULL AND expires_at > \(time.millisecondsSince1970)
                    RETURNING cohort, trainer, created_by
                    """, logger: logger
                ).collect().first
            else { throw StoreError.invalidLink }
            let (cohort, trainer, createdBy) = try row.decode((String, String, String).self)
            try await connection.query(
                "DELETE FROM dashboard_sessions WHERE expires_at <= \(time.millisecondsSince1970)", logger: logger)
            try await connection.query(
                """
                INSERT INTO dashboard_sessions (token_hash, cohort, trainer, created_by, created_at, expires_at)
                VALUES (\(session.tokenHash), \(cohort), \(trainer), \(createdBy), \(time.millisecondsSince1970),
                    \(session.expiresAt.millisecondsSince1970))
                """, logger: logger)
            return DashboardSession(cohort: cohort, trainer: trainer, createdBy: createdBy, expiresAt: session.expiresAt)
        }
    }

    /// Finds a live session by its cookie's hash.
    func dashboardSession(tokenHash: Data, at time: Timestamp) async throws -> DashboardSession? {
        try await rows(
            """
            SELECT cohort, trainer, created_by, expires_at FROM dashboard_sessions AS s
            WHERE token_hash = \(tokenHash) AND expires_at > \(time.millisecondsSince1970)
            AND NOT EXISTS (SELECT 1 FROM devices WHERE id = s.created_by AND revoked_at IS NOT NULL)
            """
        ).first.map { row in
            let (cohort, trainer, createdBy, expiresAt) = try row.decode((String, String, String, Int64).self)
            return DashboardSession(
                cohort: cohort, trainer: trainer, createdBy: createdBy,
                expiresAt: Timestamp(millisecondsSince1970: expiresAt))
        }
    }
}
