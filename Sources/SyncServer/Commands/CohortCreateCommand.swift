import ArgumentParser
import SyncModel

/// `syncserver cohort create NAME`.
struct CohortCreateCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a cohort.")

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The cohort's name.
    @Argument(help: "The cohort's name, e.g. wedding-2026.")
    var name: String

    /// Checks the name with the rule every name follows (``CohortAdministration/checkName(_:what:)``).
    func validate() throws {
        do {
            _ = try CohortAdministration.checkName(name, what: "cohort name")
        } catch let error as AdministrationError {
            throw ValidationError(error.message)
        }
    }

    /// Creates the cohort.
    func run() async throws {
        try await output.run {
            let name = try CohortAdministration.checkName(name, what: "cohort name")
            let cohort = try await database.withStore { store in
                try await store.createCohort(named: name, at: SystemWallClock().now())
            }
            try output.print(cohort, text: "Created cohort \(cohort.name).")
        }
    }
}
