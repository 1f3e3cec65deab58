import ArgumentParser
import Foundation
import SyncModel

/// `syncserver dashboard-link --cohort C --trainer NAME`: prints a one-time dashboard login link.
struct DashboardLinkCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "dashboard-link",
        abstract: AdminTexts.text("admin.dashboardLink.abstract"),
        discussion: AdminTexts.text("admin.dashboardLink.discussion"))

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The cohort.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.dashboardLink.cohort")))
    var cohort: String

    /// The trainer's name.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.dashboardLink.trainer")))
    var trainer: String

    /// The server's public address.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.dashboardLink.url")))
    var url: String?

    /// The base URL: `--url`, else SYNCSERVER_PUBLIC_URL, else the local default.
    var baseURL: String {
        url ?? ProcessInfo.processInfo.environment["SYNCSERVER_PUBLIC_URL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "http://127.0.0.1:8080"
    }

    /// Rejects an address that is not http(s).
    func validate() throws {
        guard let components = URLComponents(string: baseURL), ["http", "https"].contains(components.scheme ?? ""),
            components.host?.isEmpty == false
        else {
            throw ValidationError(AdminTexts.text("admin.dashboardLink.badURL", ["url": String(baseURL.prefix(80))]))
        }
    }

    /// Issues the link.
    func run() async throws {
        try await output.run {
            let (cohort, trainer, baseURL) = (cohort, trainer, baseURL)
            let grant = try await database.withStore { store in
                try await Self.issueLink(store, cohort: cohort, trainer: trainer, baseURL: baseURL)
            }
            try output.print(
                grant,
                text: AdminTexts.text(
                    "admin.dashboardLink.done",
                    ["trainer": grant.trainer, "cohort": grant.cohort, "link": grant.url ?? grant.path,
                     "until": TimestampFormat.text(grant.expiresAt)]))
        }
    }

    /// Issues the link on `store`.
    private static func issueLink<Store: RecordStore>(
        _ store: Store, cohort: String, trainer: String, baseURL: String?
    ) async throws -> DashboardLinkGrant {
        try await DashboardLogin(store: store, environment: ServerEnvironment(logger: .quiet))
            .issueLink(cohort: cohort, trainer: trainer, createdBy: "admin", baseURL: baseURL)
    }
}
