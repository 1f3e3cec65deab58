import Foundation
import SyncModel

extension SQLRecordStore {
    /// Stores a login link's hash for an existing cohort and drops links that expired.
    func addDashboardLink(_ link: NewDashboardLink) async throws {
        let created = link.createdAt.millisecondsSince1970
        try await writing(
            .run("DELETE FROM dashboard_links WHERE expires_at <= ?", [.int(created)]) { _ in
                .rows(
                    """
                    INSERT INTO dashboard_links (link_hash, cohort, trainer, created_at, expires_at, created_by)
                    SELECT ?, name, ?, ?, ?, ? FROM cohorts WHERE name = ? RETURNING cohort
                    """,
                    [
                        .blob(link.linkHash), .text(link.trainer), .int(created), .int(link.expiresAt.millisecondsSince1970),
                        .text(link.createdBy), .text(link.cohort),
                    ]
                ) { try StoreRules.requireCohort(link.cohort, found: !$0.isEmpty) }
            })
    }

    /// Consumes a login link and creates its session in one transaction; the conditional update
    /// makes a link single-use even when two instances redeem it at once, and refuses a link whose
    /// device was revoked after asking for it.
    func redeemDashboardLink(linkHash: Data, session: NewDashboardSession, at time: Timestamp) async throws
        -> DashboardSession
    {
        let now = time.millisecondsSince1970
        return try await writing(
            .run(
                """
                UPDATE dashboard_links SET used_at = ? WHERE link_hash = ? AND used_at IS NULL AND expires_at > ?
                AND NOT EXISTS (SELECT 1 FROM devices WHERE id = dashboard_links.created_by AND revoked_at IS NOT NULL)
                RETURNING cohort, trainer, created_by
                """, [.int(now), .blob(linkHash), .int(now)]
            ) { links in
                guard let link = links.first else { throw StoreError.invalidLink }
                let result = DashboardSession(
                    cohort: try link.text(0), trainer: try link.text(1), createdBy: try link.text(2),
                    expiresAt: session.expiresAt)
                return .run("DELETE FROM dashboard_sessions WHERE expires_at <= ?", [.int(now)]) { _ in
                    .rows(
                        """
                        INSERT INTO dashboard_sessions (token_hash, cohort, trainer, created_by, created_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                        [
                            .blob(session.tokenHash), .text(result.cohort), .text(result.trainer), .text(result.createdBy),
                            .int(now), .int(session.expiresAt.millisecondsSince1970),
                        ]
                    ) { _ in result }
                }
            })
    }

    /// Finds a live session by its cookie's hash, unless the device that made its link is revoked.
    func dashboardSession(tokenHash: Data, at time: Timestamp) async throws -> DashboardSession? {
        try await reading(
            .rows(
                """
                SELECT cohort, trainer, created_by, expires_at FROM dashboard_sessions AS s
                WHERE token_hash = ? AND expires_at > ?
                AND NOT EXISTS (SELECT 1 FROM devices WHERE id = s.created_by AND revoked_at IS NOT NULL)
                """, [.blob(tokenHash), .int(time.millisecondsSince1970)]
            ) { rows in
                try rows.first.map { row in
                    DashboardSession(
                        cohort: try row.text(0), trainer: try row.text(1), createdBy: try row.text(2),
                        expiresAt: try row.time(3))
                }
            })
    }
}
