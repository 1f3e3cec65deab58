import ArgumentParser

/// `fieldclient surveys`.
struct SurveysCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "surveys", abstract: Texts.help("help.surveys.abstract"))
    }

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
                    ? env.texts("surveys.none")
                    : views.map {
                        env.texts(
                            "surveys.line",
                            ["survey": $0.id, "version": String($0.version), "title": $0.title, "count": String($0.questions)])
                    }.joined(separator: "\n")
            }
        }
    }
}
