import ArgumentParser

/// `syncserver survey`: publish surveys.
struct SurveyCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: AdminTexts.text("admin.survey.abstract"), subcommands: [SurveyPublishCommand.self])
}
