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

    /// Checks the name.
    func validate() throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 100, !trimmed.contains(where: { $0.isNewline }) else {
            throw ValidationError(AdminTexts.text("admin.cohortCreate.badName"))
        }
    }

    /// Creates the cohort.
    func run() async throws {
        try await output.run {
            let name = name.trimmingCharacters(in: .whitespaces)
            let cohort = try await database.withStore { store in
                try await store.createCohort(named: name, at: SystemWallClock().now())
            }
            try output.print(cohort, text: AdminTexts.text("admin.cohortCreate.done", ["cohort": cohort.name]))
        }
    }
}
