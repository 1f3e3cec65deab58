import ArgumentParser
import Foundation

/// `syncserver households import --cohort C FILE.csv`.
struct HouseholdsImportCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load or update the door list from an .xlsx or CSV file (German or English headers, id optional).",
        discussion: """
            The file's first sheet (.xlsx) or its text (CSV, separated by ',' or ';', UTF-8 with or without \
            byte order mark, or Windows-1252) needs a header row with Straße/street and Hausnummer/house_number, \
            and may have PLZ/postcode, Ort/city, Hinweis/note and id. A door without an id gets one derived from \
            the cohort and its address, so importing the same list again changes nothing and an extended list \
            adds only the new doors ('Lindenstraße 12a' and 'Lindenstr. 12 a' are one door). Rows without street \
            or number and doors listed twice are reported by row, and then nothing is imported.
            """)

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The cohort.
    @Option(help: "The cohort whose door list to load.")
    var cohort: String

    /// The door list.
    @Argument(help: "The door list: an .xlsx workbook or a CSV file.")
    var file: String

    /// Checks that the file exists.
    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ValidationError("Cannot read the door list '\(file)'. Check the path.")
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
                text: "Cohort \(cohort): \(summary.created) new, \(summary.updated) updated, \(summary.unchanged) unchanged doors.")
        }
    }
}
