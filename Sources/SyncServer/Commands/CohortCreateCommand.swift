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

    /// Checks the name.
    func validate() throws {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 100, !trimmed.contains(where: { $0.isNewline }) else {
            throw ValidationError("The cohort name must be 1 to 100 characters on one line, e.g. wedding-2026.")
        }
    }

    /// Creates the cohort.
    func run() async throws {
        try await output.run {
            let name = name.trimmingCharacters(in: .whitespaces)
            let cohort = try await database.withStore { store in
                try await store.createCohort(named: name, at: SystemWallClock().now())
            }
            try output.print(cohort, text: "Created cohort \(cohort.name).")
        }
    }
}
