import ArgumentParser

/// `syncserver epoch`: show and rotate the epoch.
struct EpochCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "epoch", abstract: "Show or rotate the database's epoch.",
        subcommands: [EpochShowCommand.self, EpochRotateCommand.self])
}
