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
                MigrateCommand.self, AuditCommand.self, EraseCommand.self, PurgeCommand.self,
            ])
    }

    /// Chooses the language of the admin commands' output (SYNCSERVER_LANG, LC_ALL, LC_MESSAGES,
    /// LANG) before parsing, then parses and runs as ArgumentParser does.
    static func main() async {
        AdminTexts.language = Language.resolve(
            option: nil, environment: ProcessInfo.processInfo.environment, variable: "SYNCSERVER_LANG")
        let catalog = AdminTexts.catalog
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            // ArgumentParser's help and parse errors, with its English words translated.
            let code = exitCode(for: error)
            let text = ParserText.help(fullMessage(for: error), catalog: catalog)
            if code.isSuccess {
                FileHandle.standardOutput.write(Data((text + "\n").utf8))
            } else {
                let explanation = ParserText.error(message(for: error), catalog: catalog)
                let rest = text.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("Usage:") }
                    .map { $0.replacingOccurrences(of: "Usage:", with: catalog.text("parser.usagePrefix")) }
                    .map { $0.replacingOccurrences(of: "See '", with: catalog.text("admin.seeHelpPrefix") + " '") }
                    .map { $0.replacingOccurrences(of: "' for more information.", with: catalog.text("admin.seeHelpSuffix")) }
                let lines = [catalog.text("parser.error", ["message": explanation])] + rest
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
