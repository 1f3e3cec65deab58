import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient record SURVEY --answers FILE|- [--finalize] [--household ID]`.
struct RecordCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a response without prompts from a JSON object of question name to value; prints its id.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The survey id.
    @Argument(help: "The survey id (see 'fieldclient surveys').")
    var survey: String

    /// Where the answers come from.
    @Option(help: ArgumentHelp("A JSON file of answers, or - for standard input.", valueName: "FILE|-"))
    var answers: String

    /// Whether to finalize.
    @Flag(help: "Finalize the response: required questions must be answered.")
    var finalize = false

    /// The household.
    @Option(help: "The household (door) the interview was held at.")
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
                throw FieldClientError(.usage, "Cannot read the answers file '\(answers)'. Check the path.")
            }
            guard let values = try? JSONDecoder().decode([String: FieldValue].self, from: data) else {
                throw FieldClientError(
                    .invalidData, "The answers must be a JSON object of question name to value, e.g. "
                        + "{\"haushalt\": 3, \"wohndauer\": \"jahre_1_5\"}.")
            }
            let householdID = try household.map { try env.store.resolveID($0, collection: RecordCollection.households) }
            let record = try env.records().createResponse(
                survey: definition, answers: values, finalize: finalize, household: householdID)
            let created = CreatedRecord(id: LocalStore.key(record.id), status: finalize ? "final" : "draft")
            try env.output.print(created) { created.id ?? "" }
        }
    }
}
