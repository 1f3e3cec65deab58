import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient`: the offline field client of QuartierSync.
@main
struct FieldClient: AsyncParsableCommand {
    /// The command tree and the exit codes, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "fieldclient",
            abstract: Texts.help("help.fieldclient.abstract"),
            discussion: Texts.help(
                "help.fieldclient.discussion",
                ["exitCodes": ExitStatus.helpTable(Texts.current), "encryption": EncryptionTexts.text(.overviewDiscussion)]),
            subcommands: [
                JoinCommand.self, SurveysCommand.self, CollectCommand.self, RecordCommand.self, ListCommand.self,
                ShowCommand.self, EditCommand.self, FinalizeCommand.self, DeleteCommand.self, EraseCommand.self, RestoreCommand.self,
                HouseholdsCommand.self, VisitCommand.self, ReviewCommand.self, StatusCommand.self, SyncCommand.self, ConflictsCommand.self,
                ResolveCommand.self, ReportCommand.self, ExportCommand.self, DashboardCommand.self,
                UnlockCommand.self, LockCommand.self, PassphraseCommand.self, EncryptCommand.self,
            ])
    }

    /// Chooses the language (before parsing, so that help and errors use it too), moves shared
    /// options written before the command behind it, then parses and runs.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let environment = ProcessInfo.processInfo.environment
        let language = Language.resolve(
            option: LeadingOptions.language(in: arguments), environment: environment, variable: "FIELDCLIENT_LANG")
        Texts.current = Texts.make(language: language, timeZone: .current)
        let texts = Texts.current
        do {
            var command = try await asyncParseAsRoot(LeadingOptions.reorder(arguments))
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code.isSuccess {
                let help = ParserText.help(fullMessage(for: error), catalog: texts.catalog)
                FileHandle.standardOutput.write(Data((help + "\n").utf8))
                Foundation.exit(0)
            }
            let explanation = ParserText.error(message(for: error), catalog: texts.catalog)
            let usage = fullMessage(for: error).split(separator: "\n").first { $0.hasPrefix("Usage:") }
                .map { ParserText.help(String($0.dropFirst("Usage:".count)), catalog: texts.catalog).trimmingCharacters(in: .whitespaces) }
            var lines = [texts("parser.error", ["message": explanation])]
            if let usage { lines.append(texts("parser.usageLine", ["usage": usage])) }
            lines.append(texts("parser.seeHelp"))
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
    }
}
