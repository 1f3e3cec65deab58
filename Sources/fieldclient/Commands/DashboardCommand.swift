import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient dashboard`: asks the server for a one-time dashboard login link, prints it and
/// opens it in a browser when one is at hand.
struct DashboardCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "dashboard", abstract: Texts.help("help.dashboard.abstract"),
            discussion: Texts.help("help.dashboard.discussion"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Do not start a browser.
    @Flag(help: ArgumentHelp(Texts.help("help.dashboard.noOpen")))
    var noOpen = false

    /// Asks for the link.
    func run() async throws {
        try await options.run { env in
            let device = try env.requireDevice()
            guard device.role == .trainer else {
                throw FieldClientError(.unauthorized, env.texts("dashboard.trainersOnly"))
            }
            let address = try ServerAddress(device.serverURL, allowInsecure: true)
            let answer = try await HTTPSyncTransport.withClient { client in
                try await HTTPSyncTransport(server: address, token: device.token, client: client).dashboardLink()
            }
            let link = address.base + answer.path
            let opened = !noOpen && Self.openInBrowser(link)
            try env.output.print(DashboardLinkView(link: link, expiresAt: answer.expiresAt, opened: opened)) {
                env.texts(
                    opened ? "dashboard.linkOpened" : "dashboard.link",
                    ["cohort": answer.cohort, "trainer": answer.trainer, "link": link, "until": env.texts.time(answer.expiresAt)])
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
