import ArgumentParser

/// `syncserver households`: the cohort's shared door list.
struct HouseholdsCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "households", abstract: AdminTexts.text("admin.households.abstract"), subcommands: [HouseholdsImportCommand.self])
}
