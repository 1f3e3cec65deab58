import ArgumentParser
import SyncModel

/// `fieldclient visit HOUSEHOLD --outcome interviewed|not-home|refused|revisit [--note TEXT]`, or
/// `fieldclient visit HOUSEHOLD --withdraw VISIT`.
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

    /// The outcome of a new visit, as typed: a code or a label (``VisitOutcome/init(typed:)``).
    @Option(help: ArgumentHelp(Texts.help("help.visit.outcome"), valueName: "outcome"))
    var outcome: String?

    /// The note.
    @Option(help: ArgumentHelp(Texts.help("help.visit.note")))
    var note: String?

    /// The visit to withdraw.
    @Option(help: ArgumentHelp(Texts.help("help.visit.withdraw"), valueName: "VISIT"))
    var withdraw: String?

    /// Checks that exactly one of --outcome and --withdraw is given.
    func validate() throws {
        if (outcome == nil) == (withdraw == nil) { throw ValidationError(Texts.help("visit.outcomeOrWithdraw")) }
        if let outcome, VisitOutcome(typed: outcome) == nil {
            throw ValidationError(Texts.help("visit.unknownOutcome", ["given": String(outcome.prefix(40))]))
        }
    }

    /// Writes the visit or the withdrawal.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(household, collection: RecordCollection.households)
            let short = String(LocalStore.key(uuid).prefix(8))
            if let withdraw {
                let (record, visit) = try env.records().withdrawVisit(uuid, visit: withdraw)
                try env.output.print(RecordView(StoredRecord(record: record, revision: 1, syncedRevision: 0))) {
                    env.texts("visit.withdrawn", ["id": short, "visit": visit.id])
                }
                return
            }
            guard let outcome = outcome.flatMap(VisitOutcome.init(typed:)) else { return }
            let record = try env.records().visit(uuid, outcome: outcome, note: note)
            try env.output.print(RecordView(StoredRecord(record: record, revision: 1, syncedRevision: 0))) {
                env.texts("visit.done", ["id": short, "outcome": env.texts.answers.outcome(outcome.rawValue)])
            }
        }
    }
}
