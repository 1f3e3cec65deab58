import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient dashboard`: asks the server for a one-time dashboard login link, prints it and
/// opens it in a browser when one is at hand.
struct DashboardCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Print a one-time login link to the cohort dashboard (trainers) and open it in the browser.",
        discussion: """
            Needs the network. The link works once, for 5 minutes; opening it signs the browser in for \
            12 hours. The browser is started with xdg-open when a graphical session is running \
            (DISPLAY or WAYLAND_DISPLAY); otherwise, or with --no-open, copy the link into a browser.
            """)

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Do not start a browser.
    @Flag(help: "Only print the link; do not start a browser.")
    var noOpen = false

    /// Asks for the link.
    func run() async throws {
        try await options.run { env in
            let device = try env.requireDevice()
            guard device.role == .trainer else {
                throw FieldClientError(
                    .unauthorized, "Only trainers may open the dashboard. Your responses are in 'fieldclient list'.")
            }
            let address = try ServerAddress(device.serverURL, allowInsecure: true)
            let answer = try await HTTPSyncTransport.withClient { client in
                try await HTTPSyncTransport(server: address, token: device.token, client: client).dashboardLink()
            }
            let link = address.base + answer.path
            let opened = !noOpen && Self.openInBrowser(link)
            try env.output.print(DashboardLinkView(link: link, expiresAt: answer.expiresAt, opened: opened)) {
                """
                Dashboard of cohort \(answer.cohort) for \(answer.trainer):

                    \(link)

                The link works once, until \(answer.expiresAt.description).\(opened ? " Opening it in your browser…" : " Open it in a browser.")
                """
            }
        }
    }

    /// Starts `xdg-open link` when a graphical session and xdg-open exist; never fails.
    static func openInBrowser(_ link: String) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        guard environment["DISPLAY"]?.isEmpty == false || environment["WAYLAND_DISPLAY"]?.isEmpty == false else {
            return false
        }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/xdg-open" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [link]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        do {
            try process.run()
        } catch {
            return false
        }
        return true
    }
}
