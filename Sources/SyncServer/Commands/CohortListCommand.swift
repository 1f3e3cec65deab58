import ArgumentParser

/// `syncserver cohort list`.
struct CohortListCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cohorts.")

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// Lists the cohorts.
    func run() async throws {
        try await output.run {
            let cohorts = try await database.withStore { store in try await store.cohorts() }
            try output.print(
                cohorts,
                text: cohorts.isEmpty
                    ? "No cohorts. Create one with 'syncserver cohort create NAME'."
                    : cohorts.map { "\($0.name)\tcreated \(TimestampFormat.text($0.createdAt))" }.joined(separator: "\n"))
        }
    }
}
