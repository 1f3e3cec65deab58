import ArgumentParser

/// `syncserver epoch show`.
struct EpochShowCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(commandName: "show", abstract: AdminTexts.text("admin.epochShow.abstract"))

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// Prints the epochs.
    func run() async throws {
        try await output.run {
            let summary = try await database.withStore { store in
                EpochSummary(epoch: try await store.epoch(), retired: try await store.retiredEpochs())
            }
            try output.print(
                summary,
                text: ([AdminTexts.text("admin.epochShow.current", ["epoch": summary.epoch])]
                    + summary.retired.map {
                        AdminTexts.text("admin.epochShow.retired", ["epoch": $0.epoch, "time": TimestampFormat.text($0.retiredAt)])
                    })
                    .joined(separator: "\n"))
        }
    }
}
