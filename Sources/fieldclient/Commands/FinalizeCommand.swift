import ArgumentParser
import SyncModel

/// `fieldclient finalize ID`.
struct FinalizeCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "finalize", abstract: Texts.help("help.finalize.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: ArgumentHelp(Texts.help("help.argument.responseID")))
    var id: String

    /// Finalizes.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(id, collection: RecordCollection.responses)
            let record = try env.records().finalize(uuid)
            try env.output.print(CreatedRecord(id: LocalStore.key(record.id), status: "final")) {
                env.texts("interview.final", ["id": String(LocalStore.key(uuid).prefix(8))])
            }
        }
    }
}
