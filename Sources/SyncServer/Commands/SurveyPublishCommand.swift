import ArgumentParser
import Foundation

/// `syncserver survey publish --cohort C FILE`.
struct SurveyPublishCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a survey version (XLSForm .xlsx, YAML or JSON) to a cohort; versions never change.",
        discussion: """
            An XLSForm workbook needs the sheets survey, choices and settings (form_id, version, form_title); \
            without a settings sheet, the file name is the form id and title and the version is 1. A version \
            written as text, such as 2026112501, is read as that whole number. docs/XLSFORM.md lists the \
            supported types and columns.
            """)

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The cohort.
    @Option(help: "The cohort to publish to.")
    var cohort: String

    /// The survey file.
    @Argument(help: "The survey file: an XLSForm workbook (.xlsx), XLSForm-style YAML/JSON or canonical JSON.")
    var file: String

    /// Checks that the file exists.
    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ValidationError("Cannot read the survey file '\(file)'. Check the path.")
        }
    }

    /// Publishes the survey.
    func run() async throws {
        try await output.run {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let cohort = cohort
            let file = file
            let published = try await database.withStore { store in
                try await CohortAdministration(store: store, environment: ServerEnvironment(logger: .quiet))
                    .publishSurvey(data, cohort: cohort, fileName: file)
            }
            try output.print(
                published,
                text: "Published survey \(published.definition.id) version \(published.definition.version) "
                    + "(\(published.definition.questions.count) questions) to cohort \(cohort).")
        }
    }
}
