import ArgumentParser

/// `syncserver cohort list`.
struct CohortListCommand: AsyncParsableCommand {
    /// The command's name and help.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: AdminTexts.text("admin.cohortList.abstract"))
    }

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
                    ? AdminTexts.text("admin.cohortList.none")
                    : cohorts.map {
                        AdminTexts.text("admin.cohortList.line", ["cohort": $0.name, "time": TimestampFormat.text($0.createdAt)])
                    }.joined(separator: "\n"))
        }
    }
}
