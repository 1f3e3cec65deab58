import ArgumentParser

/// `fieldclient surveys`.
struct SurveysCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "surveys", abstract: "List the surveys available offline on this device.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Lists the surveys.
    func run() async throws {
        try await options.run { env in
            let views = try env.store.surveys().map {
                SurveyView(id: $0.id, version: $0.version, title: $0.title, questions: $0.questions.count)
            }
            try env.output.print(views) {
                views.isEmpty
                    ? "No surveys on this device yet. Run 'fieldclient sync'."
                    : views.map { "\($0.id)  v\($0.version)  \($0.title)  (\($0.questions) questions)" }.joined(separator: "\n")
            }
        }
    }
}
