import ArgumentParser

/// `syncserver epoch`: show and rotate the epoch.
struct EpochCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "epoch", abstract: AdminTexts.text("admin.epoch.abstract"),
        subcommands: [EpochShowCommand.self, EpochRotateCommand.self])
}
