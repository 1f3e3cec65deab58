import ArgumentParser
import SyncModel

extension VisitOutcome: ExpressibleByArgument {}

/// `fieldclient visit HOUSEHOLD --outcome interviewed|not-home|refused|revisit [--note TEXT]`.
struct VisitCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "visit", abstract: "Record a visit at a door of the shared list: outcome, note and who visited.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The household id or prefix.
    @Argument(help: "The household id, or its first 6 or more characters (see 'fieldclient households').")
    var household: String

    /// The outcome.
    @Option(help: "interviewed, not-home, refused or revisit.")
    var outcome: VisitOutcome

    /// The note.
    @Option(help: "A note about the visit.")
    var note: String?

    /// Writes the visit.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(household, collection: RecordCollection.households)
            let record = try env.records().visit(uuid, outcome: outcome, note: note)
            try env.output.print(RecordView(StoredRecord(record: record, revision: 1, syncedRevision: 0))) {
                "Visit recorded at \(LocalStore.key(uuid).prefix(8)): \(outcome.rawValue)."
            }
        }
    }
}
