import ArgumentParser

/// `syncserver cohort`: create and list cohorts.
struct CohortCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "cohort", abstract: AdminTexts.text("admin.cohort.abstract"),
        subcommands: [CohortCreateCommand.self, CohortListCommand.self])
}
