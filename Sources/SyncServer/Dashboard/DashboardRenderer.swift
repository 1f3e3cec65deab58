import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import SyncModel

/// Renders the dashboard's Mustache templates, which are compiled into the executable, so that
/// the server needs no files besides its database.
struct DashboardRenderer: Sendable {
    /// The templates and partials, parsed once.
    let library: MustacheLibrary

    /// The renderer of the templates compiled into this executable.
    static let shared: DashboardRenderer = {
        do {
            return try DashboardRenderer()
        } catch {
            // The templates are part of the executable; a parse error is a build mistake.
            preconditionFailure("A dashboard template does not parse: \(error)")
        }
    }()

    /// Parses the embedded templates.
    init() throws {
        MustacheContentTypes.register(ScalarHTMLEscaping(), named: ScalarHTMLEscaping.name)
        var library = MustacheLibrary()
        let templates: [(String, [UInt8])] = [
            ("dashboard", PackageResources.dashboard_mustache), ("message", PackageResources.message_mustache),
            ("style", PackageResources.style_mustache), ("metric", PackageResources.metric_mustache),
            ("barchart", PackageResources.barchart_mustache), ("histogram", PackageResources.histogram_mustache),
            ("groups", PackageResources.groups_mustache),
        ]
        for (name, bytes) in templates {
            try library.register(String(decoding: bytes, as: UTF8.self), named: name)
        }
        self.library = library
    }

    /// The dashboard page.
    func page(_ page: DashboardPage) -> Response {
        Self.html(text(of: page), status: .ok)
    }

    /// The dashboard page's HTML.
    func text(of page: DashboardPage) -> String {
        library.render(page, withTemplate: "dashboard") ?? ""
    }

    /// A page with a title, a message and a hint of what to do: the catalog's
    /// `dashboard.<name>.title|text|hint` in `language`.
    func message(
        _ name: String, language: Language, status: HTTPResponse.Status, arguments: [String: String] = [:]
    ) -> Response {
        let catalog = language.catalog
        let values = [
            "lang": language.rawValue, "dashboard": catalog.text("dashboard.title"),
            "title": catalog.text("dashboard.\(name).title", arguments), "text": catalog.text("dashboard.\(name).text", arguments),
            "hint": catalog.text("dashboard.\(name).hint", arguments),
        ]
        return Self.html(library.render(values, withTemplate: "message") ?? "", status: status)
    }

    /// An HTML response that no cache keeps, with a strict content security policy: no scripts,
    /// no external resources, inline styles only.
    static func html(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .cacheControl: "no-store",
                .contentSecurityPolicy:
                    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                HTTPField.Name("Referrer-Policy")!: "no-referrer",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
