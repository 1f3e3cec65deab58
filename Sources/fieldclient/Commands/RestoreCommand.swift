import ArgumentParser

/// `fieldclient restore ID`.
struct RestoreCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a deleted record with all its answers.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: "The record id, or its first 6 or more characters.")
    var id: String

    /// Restores.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(id)
            let record = try env.records().restore(uuid)
            try env.output.print(DeletionView(id: LocalStore.key(uuid), deleted: record.isDeleted)) {
                "Restored \(LocalStore.key(uuid).prefix(8))."
            }
        }
    }
}
