import ArgumentParser
import SyncModel

/// `syncserver epoch rotate`: for a database restored without `syncserver backup`.
struct EpochRotateCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Give the database a new epoch, e.g. after restoring it by other means than 'syncserver backup'.",
        discussion: "Clients then upload everything again; writes they relay under the old epoch are accepted.")

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// Rotates the epoch.
    func run() async throws {
        try await output.run {
            let epoch = Epoch.make(using: SystemRandomSource())
            let summary = try await database.withStore { store in
                _ = try await store.rotateEpoch(to: epoch, at: SystemWallClock().now())
                return EpochSummary(epoch: epoch, retired: try await store.retiredEpochs())
            }
            try output.print(
                summary, text: AdminTexts.text("admin.epochRotate.done", ["epoch": epoch, "retired": summary.retired.first?.epoch ?? "-"]))
        }
    }
}
