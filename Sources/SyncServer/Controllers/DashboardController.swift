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

    private var login: DashboardLogin<Store> { DashboardLogin(store: store, environment: environment) }

    /// Adds the pages (no protocol header, no token) to `pages`.
    func addPages(to pages: RouterGroup<SyncRequestContext>) {
        pages.get("dashboard") { request, _ in
            try await dashboard(request)
        }
        pages.get("dashboard/login") { request, _ in
            try await redeem(request)
        }
        pages.get("dashboard/export") { request, context in
            guard let session = try await login.session(of: request) else {
                throw APIError.unauthorized(
                    "Sign in to the dashboard first: run 'fieldclient dashboard' and open the link it prints.")
            }
            let query = request.uri.queryParameters
            let export = try await CohortExport.prepare(
                store: store, cohort: session.cohort, format: query["format"].map(String.init),
                survey: query["survey"].map(String.init))
            context.logger.info(
                "Export", metadata: ["export.format": "\(export.formatName)", "survey.id": "\(export.survey.id)"])
            return export.response()
        }
        pages.get("dashboard/export/households") { request, context in
            guard let session = try await login.session(of: request) else {
                throw APIError.unauthorized(
                    "Sign in to the dashboard first: run 'fieldclient dashboard' and open the link it prints.")
            }
            context.logger.info("Export", metadata: ["export.format": "xlsx", "export.list": "households"])
            return CohortWorkbook(store: store, cohort: session.cohort).households()
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
        guard let session = try await login.session(of: request) else {
            if let device = try? await AuthMiddleware.device(of: request, store: store), device.role != .trainer {
                return renderer.message(
                    title: "Trainers only",
                    text: "The dashboard shows the answers of a whole cohort, so only trainers may open it.",
                    hint: "Participants see their own responses with 'fieldclient list'.", status: .forbidden)
            }
            return renderer.message(
                title: "Please sign in",
                text: "You are not signed in to the dashboard, or your session has ended (sessions last 12 hours).",
                hint: "On a trainer's device run 'fieldclient dashboard'; on the server run "
                    + "'syncserver dashboard-link --cohort C --trainer NAME'. Open the link it prints.",
                status: .unauthorized)
        }
        let report = try await CohortRecordReader(store: store, cohort: session.cohort).report()
        return renderer.page(
            DashboardPage(
                report: report, cohort: session.cohort, trainer: session.trainer, generatedAt: environment.clock.now()))
    }

    /// Consumes a login link, sets the session cookie and redirects to the dashboard.
    private func redeem(_ request: Request) async throws -> Response {
        guard let secret = request.uri.queryParameters["link"].map(String.init), !secret.isEmpty else {
            return renderer.message(
                title: "This address has no login link",
                text: "The dashboard's sign-in address ends in '?link=' followed by the link's secret; this one has none.",
                hint: "Open the whole link that 'fieldclient dashboard' (or 'syncserver dashboard-link') printed.",
                status: .badRequest)
        }
        do {
            let (_, cookie) = try await login.redeem(secret: secret)
            var response = Response(
                status: .seeOther,
                headers: [.location: "/dashboard", .cacheControl: "no-store", HTTPField.Name("Referrer-Policy")!: "no-referrer"])
            response.setCookie(DashboardLogin<Store>.cookie(value: cookie, secure: DashboardLogin<Store>.isSecure(request)))
            return response
        } catch StoreError.invalidLink {
            return renderer.message(
                title: "This login link does not work any more",
                text: "Login links work once and only for 5 minutes. This one was already used, has expired, or was "
                    + "copied incompletely.",
                hint: "Get a new link with 'fieldclient dashboard' (or 'syncserver dashboard-link' on the server).",
                status: .gone)
        }
    }

    /// The server's address as the request reached it, e.g. `https://sync.example.org`.
    static func baseURL(of request: Request) -> String? {
        guard let authority = request.head.authority, !authority.isEmpty,
            !authority.contains(where: { $0 == "/" || $0 == "@" || $0.isWhitespace })
        else { return nil }
        return (DashboardLogin<Store>.isSecure(request) ? "https://" : "http://") + authority
    }
}
