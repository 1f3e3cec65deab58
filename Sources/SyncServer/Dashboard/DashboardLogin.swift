import Foundation
import HTTPTypes
import Hummingbird
import SyncModel

/// One-time login links and the sessions they open, for the trainers' dashboard.
///
/// A link's secret and a session's cookie are 32 random bytes (base64url); only their SHA-256
/// hashes are stored. A link works once, for ``linkLifetime``; a session lasts ``sessionLifetime``.
struct DashboardLogin<Store: RecordStore>: Sendable {
    /// How long a login link works: 5 minutes.
    static var linkLifetime: Int64 { 5 * 60 * 1000 }
    /// How long a session lasts: 12 hours.
    static var sessionLifetime: Int64 { 12 * 3600 * 1000 }
    /// The session cookie's name.
    static var cookieName: String { "qs_dashboard" }
    /// The login path; the secret follows as `?link=`.
    static var loginPath: String { "/dashboard/login" }

    /// The store.
    let store: Store
    /// Clock, randomness and logger.
    let environment: ServerEnvironment

    /// Makes a link for `trainer` of `cohort`; `baseURL` (e.g. `https://sync.example.org`), when
    /// known, makes the whole URL.
    func issueLink(cohort: String, trainer: String, createdBy: String, baseURL: String?) async throws
        -> DashboardLinkGrant
    {
        let trainer = try CohortAdministration.checkName(trainer, as: .trainer)
        try await CohortAdministration.requireCohort(cohort, in: store)
        if createdBy == "admin" {
            // A name the cohort does not know would open a trainer's view: a typo must not widen what someone sees.
            let people = try await store.enrolledRoles(cohort: cohort)
            guard people[trainer] != nil else {
                let trainers = people.filter { $0.value.contains(.trainer) }.keys.sorted()
                throw AdministrationError.unknownPerson(name: trainer, cohort: cohort, trainers: trainers)
            }
        }
        let secret = Self.makeSecret(random: environment.random)
        let now = environment.clock.now()
        let expiresAt = Timestamp(millisecondsSince1970: now.millisecondsSince1970 + Self.linkLifetime)
        try await store.addDashboardLink(
            NewDashboardLink(
                linkHash: SecretHasher.hash(secret), cohort: cohort, trainer: trainer, createdAt: now,
                expiresAt: expiresAt, createdBy: createdBy))
        try await store.recordAudit(
            createdBy == "admin"
                ? .byOperator(.dashboardLink, cohort: cohort, at: now, details: ["trainer": trainer])
                : AuditEvent(
                    time: now, actorKind: .trainer, actor: trainer, cohort: cohort, kind: .dashboardLink,
                    details: ["trainer": trainer, "byDevice": createdBy]))
        environment.logger.info("Issued a dashboard login link", metadata: ["cohort.name": "\(cohort)"])
        let path = Self.loginPath + "?link=" + secret
        let base = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        return DashboardLinkGrant(
            path: path, url: base.map { $0 + path }, cohort: cohort, trainer: trainer, expiresAt: expiresAt)
    }

    /// Consumes the link with `secret` and opens a session; returns it and the cookie's value.
    ///
    /// Throws `StoreError.invalidLink` for an unknown, used or expired link.
    func redeem(secret: String) async throws -> (session: DashboardSession, cookie: String) {
        guard Self.isWellFormed(secret) else { throw StoreError.invalidLink }
        let cookie = Self.makeSecret(random: environment.random)
        let now = environment.clock.now()
        let session = try await store.redeemDashboardLink(
            linkHash: SecretHasher.hash(secret),
            session: NewDashboardSession(
                tokenHash: SecretHasher.hash(cookie),
                expiresAt: Timestamp(millisecondsSince1970: now.millisecondsSince1970 + Self.sessionLifetime)),
            at: now)
        let role = try await DashboardViewer.role(of: session, in: store)
        try await store.recordAudit(.make(.dashboardLogin, session: session, role: role, at: now))
        environment.logger.info("Opened a dashboard session", metadata: ["cohort.name": "\(session.cohort)"])
        return (session, cookie)
    }

    /// The live session of the request's cookie, if any.
    func session(of request: Request) async throws -> DashboardSession? {
        guard let cookie = request.cookies[Self.cookieName]?.value, Self.isWellFormed(cookie) else { return nil }
        return try await store.dashboardSession(tokenHash: SecretHasher.hash(cookie), at: environment.clock.now())
    }

    /// The `Set-Cookie` for a new session: HttpOnly, SameSite=Strict, limited to `/dashboard`,
    /// and Secure when `secure`.
    static func cookie(value: String, secure: Bool) -> Cookie {
        Cookie(
            name: cookieName, value: value, maxAge: Int(sessionLifetime / 1000), path: "/dashboard", secure: secure,
            httpOnly: true, sameSite: .strict)
    }

    /// Whether the request came over TLS: to this server, or to a proxy that says so with
    /// `X-Forwarded-Proto: https` (see docs/DEPLOY.md).
    static func isSecure(_ request: Request) -> Bool {
        if request.head.scheme?.lowercased() == "https" { return true }
        let forwarded = request.headers[values: HTTPField.Name("X-Forwarded-Proto")!]
        return forwarded.contains { $0.split(separator: ",").first?.trimmingCharacters(in: .whitespaces).lowercased() == "https" }
    }

    /// A new secret: 32 random bytes in base64url without padding (43 characters).
    static func makeSecret(random: any RandomSource) -> String {
        Data(random.bytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether `text` has the shape of a secret, so that junk is refused before hashing.
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 43 && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_")
        }
    }
}
