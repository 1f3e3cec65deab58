import ArgumentParser
import SyncModel

/// `syncserver trainer add --cohort C NAME`: prints a one-time trainer code (48 hours).
struct TrainerAddCommand: AsyncParsableCommand {
    /// The command's name and help.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: AdminTexts.text("admin.trainerAdd.abstract"))
    }

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The cohort.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.trainerAdd.cohort")))
    var cohort: String

    /// The trainer's name.
    @Argument(help: ArgumentHelp(AdminTexts.text("admin.trainerAdd.name")))
    var name: String

    /// Issues the code.
    func run() async throws {
        try await output.run {
            let (cohort, name) = (cohort, name)
            let grant = try await database.withStore { store in
                try await CohortAdministration(store: store, environment: ServerEnvironment(logger: .quiet))
                    .issueCode(cohort: cohort, participant: name, role: .trainer, createdBy: "admin")
            }
            try output.print(grant, text: EnrollCommand.describe(grant))
        }
    }
}
