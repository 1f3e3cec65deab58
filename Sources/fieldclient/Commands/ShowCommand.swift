import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient show ID`.
struct ShowCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "show", abstract: Texts.help("help.show.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: ArgumentHelp(Texts.help("help.argument.recordID")))
    var id: String

    /// Shows the record.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(id)
            guard let stored = try env.store.record(id: uuid) else {
                throw FieldClientError(.notFound, env.texts("error.recordMissing", ["id": id]))
            }
            let view = RecordView(stored)
            let survey = try stored.record.survey.flatMap { try env.store.survey(id: $0, version: stored.record.surveyVersion) }
            // A response names its door by id; people know it by its address.
            let door = try view.household.flatMap { UUID(uuidString: $0) }.flatMap { try env.store.record(id: $0) }
            let address = door.map { HouseholdsCommand.address(RecordView($0), texts: env.texts) }
            try env.output.print(view) { RecordText.render(view, survey: survey, doorAddress: address, texts: env.texts) }
        }
    }
}
