import ArgumentParser
import SyncModel

/// `syncserver epoch rotate`: for a database restored without `syncserver backup`.
struct EpochRotateCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: AdminTexts.text("admin.epochRotate.abstract"),
        discussion: AdminTexts.text("admin.epochRotate.discussion"))

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
