import ArgumentParser
import SyncModel

extension VisitOutcome: ExpressibleByArgument {}

/// `fieldclient visit HOUSEHOLD --outcome interviewed|not-home|refused|revisit [--note TEXT]`.
struct VisitCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "visit", abstract: Texts.help("help.visit.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The household id or prefix.
    @Argument(help: ArgumentHelp(Texts.help("help.visit.household")))
    var household: String

    /// The outcome.
    @Option(help: ArgumentHelp(Texts.help("help.visit.outcome")))
    var outcome: VisitOutcome

    /// The note.
    @Option(help: ArgumentHelp(Texts.help("help.visit.note")))
    var note: String?

    /// Writes the visit.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(household, collection: RecordCollection.households)
            let record = try env.records().visit(uuid, outcome: outcome, note: note)
            try env.output.print(RecordView(StoredRecord(record: record, revision: 1, syncedRevision: 0))) {
                env.texts("visit.done", ["id": String(LocalStore.key(uuid).prefix(8)), "outcome": env.texts.answers.outcome(outcome.rawValue)])
            }
        }
    }
}
