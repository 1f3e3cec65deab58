import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient record SURVEY --answers FILE|- [--finalize] [--household ID]`.
struct RecordCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "record", abstract: Texts.help("help.record.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The survey id.
    @Argument(help: ArgumentHelp(Texts.help("help.argument.survey")))
    var survey: String

    /// Where the answers come from.
    @Option(help: ArgumentHelp(Texts.help("help.record.answers"), valueName: "FILE|-"))
    var answers: String

    /// Whether to finalize.
    @Flag(help: ArgumentHelp(Texts.help("help.record.finalize")))
    var finalize = false

    /// The household.
    @Option(help: ArgumentHelp(Texts.help("help.collect.household")))
    var household: String?

    /// Validates, stores, prints the id.
    func run() async throws {
        try await options.run { env in
            let definition = try env.survey(survey)
            let data: Data
            do {
                data = answers == "-" ? FileHandle.standardInput.readDataToEndOfFile()
                    : try Data(contentsOf: URL(fileURLWithPath: answers))
            } catch {
                throw FieldClientError(.usage, env.texts("record.unreadable", ["path": answers]))
            }
            guard let values = try? JSONDecoder().decode([String: FieldValue].self, from: data) else {
                throw FieldClientError(.invalidData, env.texts("record.notObject"))
            }
            let householdID = try household.map { try env.store.resolveID($0, collection: RecordCollection.households) }
            let record = try env.records().createResponse(
                survey: definition, answers: values, finalize: finalize, household: householdID)
            let created = CreatedRecord(id: LocalStore.key(record.id), status: finalize ? "final" : "draft")
            try env.output.print(created) { created.id ?? "" }
        }
    }
}
