import ArgumentParser
import SyncModel

/// `fieldclient finalize ID`.
struct FinalizeCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "finalize", abstract: "Mark a draft response final after checking every required answer.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: "The response id, or its first 6 or more characters.")
    var id: String

    /// Finalizes.
    func run() async throws {
        try await options.run { env in
            let uuid = try env.store.resolveID(id, collection: RecordCollection.responses)
            let record = try env.records().finalize(uuid)
            try env.output.print(CreatedRecord(id: LocalStore.key(record.id), status: "final")) {
                "Response \(LocalStore.key(uuid).prefix(8)) is final."
            }
        }
    }
}
