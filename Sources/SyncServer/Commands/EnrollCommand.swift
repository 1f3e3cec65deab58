import ArgumentParser
import SyncModel

/// `syncserver enroll --cohort C --participant NAME`: prints a one-time participant code (7 days).
struct EnrollCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "enroll", abstract: "Print a one-time enrollment code for a participant (valid 7 days).")

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The cohort.
    @Option(help: "The participant's cohort.")
    var cohort: String

    /// The participant's name.
    @Option(help: "The participant's name.")
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
        """
        Enrollment code for \(grant.participant) (\(grant.role.rawValue), cohort \(grant.cohort)):

            \(grant.code)

        It works once, until \(TimestampFormat.text(grant.expiresAt)). Enter it with 'fieldclient join'.
        """
    }
}
