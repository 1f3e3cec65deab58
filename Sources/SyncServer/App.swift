import ArgumentParser

/// `syncserver`: the QuartierSync server and its administration commands.
@main
struct App: AsyncParsableCommand {
    /// The command tree.
    static let configuration = CommandConfiguration(
        commandName: "syncserver",
        abstract: "The QuartierSync sync server and its administration commands.",
        subcommands: [
            ServeCommand.self, CohortCommand.self, TrainerCommand.self, EnrollCommand.self, SurveyCommand.self,
            HouseholdsCommand.self, DevicesCommand.self, BackupCommand.self, EpochCommand.self, DashboardLinkCommand.self,
            MigrateCommand.self,
        ])
}
