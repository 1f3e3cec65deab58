import Foundation
import HTTPTypes
import Hummingbird
import SyncModel

/// The trainers' read-only dashboard: `GET /dashboard`, `GET /dashboard/login`,
/// `GET /dashboard/export`, and `POST /v1/dashboard/links`, where a trainer's device asks for
/// a one-time login link.
///
/// Pages authenticate by the session cookie that a login link sets; they answer HTML, also for
/// failures, except the export, whose failures are JSON errors like the API's.
struct DashboardController<Store: RecordStore>: Sendable {
    /// The store.
    let store: Store
    /// Clock, randomness and logger.
    let environment: ServerEnvironment
    /// The parsed templates.
    let renderer: DashboardRenderer
    /// Failed logins per client address.
    let guessing: GuessingProtection

    private var login: DashboardLogin<Store> { DashboardLogin(store: store, environment: environment) }

    /// Adds the pages (no protocol header, no token) to `pages`.
    func addPages(to pages: RouterGroup<SyncRequestContext>) {
        pages.get("dashboard") { request, _ in
            try await dashboard(request)
        }
        pages.get("dashboard/login") { request, context in
            try await redeem(request, context: context)
        }
        pages.get("dashboard/export") { request, context in
            guard let session = try await login.session(of: request) else {
                throw APIError.unauthorized(
                    "Sign in to the dashboard first: run 'fieldclient dashboard' and open the link it prints.")
            }
            let query = request.uri.queryParameters
            let role = try await DashboardViewer.role(of: session, in: store)
            // Only trainers get the full export; anyone else the pseudonymized one.
            let pseudonymize = role == .trainer ? query["pseudonymize"].map(String.init) : "true"
            let export = try await CohortExport.prepare(
                store: store, cohort: session.cohort, format: query["format"].map(String.init),
                survey: query["survey"].map(String.init), pseudonymize: pseudonymize,
                audit: .make(
                    .export, session: session, role: role, at: environment.clock.now(), details: ["via": "dashboard"]),
                random: environment.random, language: Self.language(of: request))
            context.logger.info(
                "Export", metadata: ["export.format": "\(export.formatName)", "survey.id": "\(export.survey.id)"])
            return export.response()
        }
        pages.get("dashboard/export/households") { request, context in
            guard let session = try await login.session(of: request) else {
                throw APIError.unauthorized(
                    "Sign in to the dashboard first: run 'fieldclient dashboard' and open the link it prints.")
            }
            let role = try await DashboardViewer.role(of: session, in: store)
            try await store.recordAudit(
                .make(
                    .export, session: session, role: role, at: environment.clock.now(),
                    details: ["format": "xlsx", "list": "households", "via": "dashboard"]))
            context.logger.info("Export", metadata: ["export.format": "xlsx", "export.list": "households"])
            return CohortWorkbook(store: store, cohort: session.cohort, language: Self.language(of: request)).households()
        }
    }

    /// Adds `POST dashboard/links` to the authenticated API group.
    func addRoutes(to group: RouterGroup<SyncRequestContext>) {
        group.post("dashboard/links") { request, context in
            let device = try context.requireDevice()
            guard device.role == .trainer else {
                throw APIError.forbidden("Only trainers may open the dashboard; participants see their own work in fieldclient.")
            }
            let grant = try await login.issueLink(
                cohort: device.cohort, trainer: device.participant, createdBy: device.id, baseURL: Self.baseURL(of: request))
            return try Response.json(grant, status: .created)
        }
    }

    /// The page, or a page that says how to sign in.
    private func dashboard(_ request: Request) async throws -> Response {
        let language = Self.language(of: request)
        guard let session = try await login.session(of: request) else {
            if let device = try? await AuthMiddleware.device(of: request, store: store), device.role != .trainer {
                return renderer.message("trainersOnly", language: language, status: .forbidden)
            }
            return renderer.message("signIn", language: language, status: .unauthorized)
        }
        let report = try await CohortRecordReader(store: store, cohort: session.cohort).report()
        let role = try await DashboardViewer.role(of: session, in: store)
        return renderer.page(
            DashboardPage(
                report: report, cohort: session.cohort, trainer: session.trainer, generatedAt: environment.clock.now(),
                language: language, role: role))
    }

    /// Consumes a login link, sets the session cookie and redirects to the dashboard.
    private func redeem(_ request: Request, context: SyncRequestContext) async throws -> Response {
        let language = Self.language(of: request)
        let address = guessing.clientAddress(of: request, context: context)
        if let wait = guessing.logins.retryAfter(for: address, at: environment.clock.now()) {
            context.logger.warning("Dashboard login refused: too many failed attempts", metadata: ["client.address": "\(address)"])
            var response = renderer.message(
                "tooManyAttempts", language: language, status: .tooManyRequests,
                arguments: ["minutes": String(TooManyAttempts.minutes(wait))])
            response.headers[.retryAfter] = String(wait)
            return response
        }
        guard let secret = request.uri.queryParameters["link"].map(String.init), !secret.isEmpty else {
            return renderer.message("noLink", language: language, status: .badRequest)
        }
        do {
            let (_, cookie) = try await login.redeem(secret: secret)
            var response = Response(
                status: .seeOther,
                headers: [.location: "/dashboard", .cacheControl: "no-store", HTTPField.Name("Referrer-Policy")!: "no-referrer"])
            response.setCookie(DashboardLogin<Store>.cookie(value: cookie, secure: DashboardLogin<Store>.isSecure(request)))
            return response
        } catch StoreError.invalidLink {
            // Counted and logged without the link's secret.
            guessing.logins.recordFailure(of: address, at: environment.clock.now())
            context.logger.notice("Failed dashboard login", metadata: ["client.address": "\(address)"])
            return renderer.message("usedLink", language: language, status: .gone)
        }
    }

    /// The page's language: `?lang=de|en` (the switch on the page), else the browser's `Accept-Language`.
    static func language(of request: Request) -> Language {
        if let chosen = request.uri.queryParameters["lang"].flatMap({ Language(tag: String($0)) }) { return chosen }
        return Language.preferred(acceptLanguage: request.headers[.acceptLanguage])
    }

    /// The server's address as the request reached it, e.g. `https://sync.example.org`.
    static func baseURL(of request: Request) -> String? {
        guard let authority = request.head.authority, !authority.isEmpty,
            !authority.contains(where: { $0 == "/" || $0 == "@" || $0.isWhitespace })
        else { return nil }
        return (DashboardLogin<Store>.isSecure(request) ? "https://" : "http://") + authority
    }
}
