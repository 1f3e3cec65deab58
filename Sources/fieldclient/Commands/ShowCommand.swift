import ArgumentParser
import SyncModel

/// `fieldclient show ID`.
struct ShowCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a response or household, with every sibling of its conflicts.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: "The record id, or its first 6 or more characters.")
    var id: String

    /// Shows the record.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(id)
            guard let stored = try env.store.record(id: uuid) else {
                throw FieldClientError(.notFound, "Record \(id) is gone.")
            }
            let view = RecordView(stored)
            let survey = try stored.record.survey.flatMap { try env.store.survey(id: $0, version: stored.record.surveyVersion) }
            try env.output.print(view) { RecordText.render(view, survey: survey) }
        }
    }
}
