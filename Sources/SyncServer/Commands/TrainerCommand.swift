import ArgumentParser

/// `syncserver trainer`: enroll trainers.
struct TrainerCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "trainer", abstract: AdminTexts.text("admin.trainer.abstract"), subcommands: [TrainerAddCommand.self])
}
