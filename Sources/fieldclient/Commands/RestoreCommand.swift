import ArgumentParser

/// `fieldclient restore ID`.
struct RestoreCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "restore", abstract: Texts.help("help.restore.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: ArgumentHelp(Texts.help("help.argument.recordID")))
    var id: String

    /// Restores.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(id)
            let record = try env.records().restore(uuid)
            try env.output.print(DeletionView(id: LocalStore.key(uuid), deleted: record.isDeleted)) {
                env.texts("restore.done", ["id": String(LocalStore.key(uuid).prefix(8))])
            }
        }
    }
}
