import ArgumentParser
import SyncModel

/// `syncserver enroll --cohort C --participant NAME`: prints a one-time participant code (7 days).
struct EnrollCommand: AsyncParsableCommand {
    /// The command's name and help.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "enroll", abstract: AdminTexts.text("admin.enroll.abstract"))
    }

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The cohort.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.enroll.cohort")))
    var cohort: String

    /// The participant's name.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.enroll.participant")))
    var participant: String

    /// Issues the code.
    func run() async throws {
        try await output.run {
            let (cohort, participant) = (cohort, participant)
            let grant = try await database.withStore { store in
                try await CohortAdministration(store: store, environment: ServerEnvironment(logger: .quiet))
                    .issueCode(cohort: cohort, participant: participant, role: .participant, createdBy: "admin")
            }
            try output.print(grant, text: Self.describe(grant))
        }
    }

    /// The text shown for a new code.
    static func describe(_ grant: EnrollmentGrant) -> String {
        AdminTexts.text(
            "admin.enroll.done",
            ["participant": grant.participant, "role": AdminTexts.text("role." + grant.role.rawValue), "cohort": grant.cohort,
             "code": grant.code, "until": TimestampFormat.text(grant.expiresAt)])
    }
}
