import ArgumentParser
import SyncModel

/// `syncserver cohort create NAME`.
struct CohortCreateCommand: AsyncParsableCommand {
    /// The command's name and help.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "create", abstract: AdminTexts.text("admin.cohortCreate.abstract"))
    }

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The cohort's name.
    @Argument(help: ArgumentHelp(AdminTexts.text("admin.cohortCreate.name")))
    var name: String

    /// Checks the name with the rule every name follows (``CohortAdministration/checkName(_:as:)``).
    func validate() throws {
        do {
            _ = try CohortAdministration.checkName(name, as: .cohort)
        } catch is AdministrationError {
            throw ValidationError(AdminTexts.text("admin.cohortCreate.badName"))
        }
    }

    /// Creates the cohort.
    func run() async throws {
        try await output.run {
            let name = name
            let cohort = try await database.withStore { store in
                try await CohortAdministration(store: store, environment: ServerEnvironment(logger: .quiet))
                    .createCohort(named: name)
            }
            try output.print(cohort, text: AdminTexts.text("admin.cohortCreate.done", ["cohort": cohort.name]))
        }
    }
}
