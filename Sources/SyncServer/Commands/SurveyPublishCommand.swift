import ArgumentParser
import Foundation

/// `syncserver survey publish --cohort C FILE`.
struct SurveyPublishCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: AdminTexts.text("admin.surveyPublish.abstract"),
        discussion: AdminTexts.text("admin.surveyPublish.discussion"))

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The cohort.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.surveyPublish.cohort")))
    var cohort: String

    /// The survey file.
    @Argument(help: ArgumentHelp(AdminTexts.text("admin.surveyPublish.file")))
    var file: String

    /// Checks that the file exists.
    func validate() throws {
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw ValidationError(AdminTexts.text("admin.surveyPublish.unreadable", ["file": file]))
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
                text: AdminTexts.text(
                    "admin.surveyPublish.done",
                    ["survey": published.definition.id, "version": String(published.definition.version),
                     "count": String(published.definition.questions.count), "cohort": cohort]))
        }
    }
}
