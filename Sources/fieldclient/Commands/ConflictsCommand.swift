import ArgumentParser
import SyncModel

/// `fieldclient conflicts`.
struct ConflictsCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "conflicts", abstract: "List every open conflict with all its values, numbered for 'resolve --keep N'.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Lists conflicts.
    func run() async throws {
        try await options.run { env in
            let views = try env.store.records().map(RecordView.init).filter { !$0.conflicts.isEmpty }
            let entries = views.map {
                RecordConflicts(id: $0.id, collection: $0.collection, survey: $0.survey, conflicts: $0.conflicts)
            }
            var surveys: [String: SyncModel.SurveyDefinition] = [:]
            for survey in try env.store.surveys() { surveys[survey.id] = survey }
            try env.output.print(entries) {
                guard !views.isEmpty else { return "No open conflicts." }
                var blocks: [String] = []
                for view in views {
                    let survey: SurveyDefinition? = view.survey.flatMap { surveys[$0] }
                    let title: String = view.collection == RecordCollection.households ? "Household" : "Response"
                    var lines: [String] = [title + " " + view.shortID]
                    for conflict in view.conflicts {
                        let label: String? = survey?.question(named: conflict.field)?.label
                        lines.append(contentsOf: conflict.lines(recordPrefix: view.shortID, label: label))
                    }
                    blocks.append(lines.joined(separator: "\n"))
                }
                return blocks.joined(separator: "\n\n")
            }
        }
    }
}
