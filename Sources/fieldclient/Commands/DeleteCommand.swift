import ArgumentParser

/// `fieldclient delete ID`.
struct DeleteCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "delete", abstract: Texts.help("help.delete.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: ArgumentHelp(Texts.help("help.argument.recordID")))
    var id: String

    /// Deletes.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(id)
            let record = try env.records().delete(uuid)
            try env.output.print(DeletionView(id: LocalStore.key(uuid), deleted: record.isDeleted)) {
                env.texts(
                    record.isDeleted ? "delete.done" : "delete.stillVisible", ["id": String(LocalStore.key(uuid).prefix(8))])
            }
        }
    }
}
