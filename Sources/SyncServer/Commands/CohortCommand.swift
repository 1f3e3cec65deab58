import ArgumentParser

/// `syncserver cohort`: create and list cohorts.
struct CohortCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "cohort", abstract: "Create and list cohorts.",
        subcommands: [CohortCreateCommand.self, CohortListCommand.self])
}
