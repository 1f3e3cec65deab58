import ArgumentParser

/// `fieldclient delete ID`.
struct DeleteCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a record; 'fieldclient restore' brings it back.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: "The record id, or its first 6 or more characters.")
    var id: String

    /// Deletes.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(id)
            let record = try env.records().delete(uuid)
            try env.output.print(DeletionView(id: LocalStore.key(uuid), deleted: record.isDeleted)) {
                record.isDeleted
                    ? "Deleted \(LocalStore.key(uuid).prefix(8)). Undo with 'fieldclient restore \(LocalStore.key(uuid).prefix(8))'."
                    : "Deleted \(LocalStore.key(uuid).prefix(8)), but it stays visible because of a concurrent edit; see 'fieldclient show'."
            }
        }
    }
}
