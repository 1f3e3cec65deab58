import ArgumentParser
import Foundation

/// `syncserver households import --cohort C FILE.csv`.
struct HouseholdsImportCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: AdminTexts.text("admin.householdsImport.abstract"),
        discussion: AdminTexts.text("admin.householdsImport.discussion"))

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The cohort.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.householdsImport.cohort")))
    var cohort: String

    /// The door list.
    @Argument(help: ArgumentHelp(AdminTexts.text("admin.householdsImport.file")))
    var file: String

    /// Checks that the file exists.
    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ValidationError(AdminTexts.text("admin.householdsImport.unreadable", ["file": file]))
        }
    }

    /// Imports the doors.
    func run() async throws {
        try await output.run {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let cohort = cohort
            let summary = try await database.withStore { store in
                try await CohortAdministration(store: store, environment: ServerEnvironment(logger: .quiet))
                    .importHouseholds(file: data, cohort: cohort)
            }
            try output.print(
                summary,
                text: AdminTexts.text(
                    "admin.householdsImport.done",
                    ["cohort": cohort, "created": String(summary.created), "updated": String(summary.updated),
                     "unchanged": String(summary.unchanged)]))
        }
    }
}
