import ArgumentParser
import Foundation
import SyncModel

/// `syncserver`: the QuartierSync server and its administration commands.
@main
struct App: AsyncParsableCommand {
    /// The command tree, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "syncserver",
            abstract: AdminTexts.text("admin.help.abstract"),
            subcommands: [
                ServeCommand.self, CohortCommand.self, TrainerCommand.self, EnrollCommand.self, SurveyCommand.self,
                HouseholdsCommand.self, DevicesCommand.self, BackupCommand.self, EpochCommand.self, DashboardLinkCommand.self,
                MigrateCommand.self,
            ])
    }

    /// Chooses the language of the admin commands' output (SYNCSERVER_LANG, LC_ALL, LC_MESSAGES,
    /// LANG) before parsing, then parses and runs as ArgumentParser does.
    static func main() async {
        AdminTexts.language = Language.resolve(
            option: nil, environment: ProcessInfo.processInfo.environment, variable: "SYNCSERVER_LANG")
        await main(nil)
    }
}
