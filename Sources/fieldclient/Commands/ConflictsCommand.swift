import ArgumentParser
import SyncModel

/// `fieldclient conflicts`.
struct ConflictsCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "conflicts", abstract: Texts.help("help.conflicts.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Lists conflicts.
    func run() async throws {
        try await options.run { env in
            let texts = env.texts
            // Only the records the store's `conflicted` column marks are read, one at a time.
            var views: [RecordView] = []
            let damaged = try env.store.forEachRecord(matching: RecordQuery(conflictedOnly: true)) { record in
                let view = RecordView(record)
                if !view.conflicts.isEmpty { views.append(view) }
                return true
            }
            if !damaged.isEmpty {
                env.output.note(EncryptionTexts.text(.recordsDamagedNote, ["ids": damaged.joined(separator: ", ")]))
            }
            let entries = views.map {
                RecordConflicts(id: $0.id, collection: $0.collection, survey: $0.survey, conflicts: $0.conflicts)
            }
            var surveys: [String: SyncModel.SurveyDefinition] = [:]
            for survey in try env.store.surveys() { surveys[survey.id] = survey }
            try env.output.print(entries) {
                guard !views.isEmpty else { return texts("conflicts.none") }
                var blocks: [String] = []
                for view in views {
                    let survey: SurveyDefinition? = view.survey.flatMap { surveys[$0] }
                    let title: String = texts(
                        view.collection == RecordCollection.households ? "show.householdTitle" : "show.response",
                        ["id": view.shortID])
                    var lines: [String] = [title]
                    for conflict in view.conflicts {
                        lines.append(
                            contentsOf: conflict.lines(
                                recordPrefix: view.shortID, question: survey?.question(named: conflict.field), texts: texts))
                    }
                    blocks.append(lines.joined(separator: "\n"))
                }
                return blocks.joined(separator: "\n\n")
            }
        }
    }
}
