import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient collect SURVEY [--household ID]`: an interview in the terminal.
struct CollectCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "collect", abstract: Texts.help("help.collect.abstract"),
            discussion: Texts.help("help.collect.discussion"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The survey id.
    @Argument(help: ArgumentHelp(Texts.help("help.argument.survey")))
    var survey: String

    /// The household.
    @Option(help: ArgumentHelp(Texts.help("help.collect.household")))
    var household: String?

    /// Runs the interview.
    func run() async throws {
        try await options.run { env in
            let definition = try env.survey(survey)
            let householdID = try household.map { try env.store.resolveID($0, collection: RecordCollection.households) }
            // With --json the prompts go to standard error so that standard output is pure JSON.
            let json = options.json
            let interview = Interview(
                survey: definition, records: try env.records(), household: householdID, input: StandardInputLines(),
                emit: { text in
                    (json ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
                })
            let result = try interview.run()
            if json {
                try env.output.print(CreatedRecord(id: result.id.map(LocalStore.key), status: result.status?.rawValue)) { "" }
            } else if let id = result.id {
                env.output.line(env.texts("collect.id", ["id": LocalStore.key(id)]))
            }
        }
    }
}
