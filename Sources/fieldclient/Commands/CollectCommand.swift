import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient collect SURVEY [--household ID]`: an interview in the terminal.
struct CollectCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Interview a resident, one question at a time; every answer is saved as it is given.",
        discussion: """
            Type 'back', 'skip' (optional questions) or 'quit' at any question. Works on a terminal and on a pipe.
            A survey in several languages is shown in the language of the locale (LC_ALL, LC_MESSAGES, LANG) when \
            it has it, otherwise in its default language; 'lang' lists its languages and 'lang TAG' (e.g. 'lang tr') \
            switches for the rest of the interview. Answers are stored as codes, whatever the language.
            """)

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The survey id.
    @Argument(help: "The survey id (see 'fieldclient surveys').")
    var survey: String

    /// The household.
    @Option(help: "The household (door) the interview is held at.")
    var household: String?

    /// The questionnaire language to start in.
    @Option(
        name: .customLong("survey-lang"),
        help: "The questionnaire language to start in, e.g. tr (see 'lang' in the interview); default: the locale's.")
    var surveyLanguage: String?

    /// Runs the interview.
    func run() async throws {
        try await options.run { env in
            let definition = try env.survey(survey)
            let language = try CollectCommand.startLanguage(
                of: definition, requested: surveyLanguage,
                preferred: CollectCommand.localeLanguages(ProcessInfo.processInfo.environment))
            let householdID = try household.map { try env.store.resolveID($0, collection: RecordCollection.households) }
            // With --json the prompts go to standard error so that standard output is pure JSON.
            let json = options.json
            let interview = Interview(
                survey: definition, records: try env.records(), household: householdID, input: StandardInputLines(),
                emit: { text in
                    (json ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
                }, language: language)
            let result = try interview.run()
            if json {
                try env.output.print(CreatedRecord(id: result.id.map(LocalStore.key), status: result.status?.rawValue)) { "" }
            } else if let id = result.id {
                env.output.line("Response id: \(LocalStore.key(id))")
            }
        }
    }

    /// The language tag to start `survey` in: `requested` (which the survey must have), else the first
    /// of `preferred` that it has, else nil (the default language).
    static func startLanguage(of survey: SurveyDefinition, requested: String?, preferred: [String]) throws -> String? {
        guard let requested else { return survey.bestLanguage(for: preferred) }
        if let tag = survey.languageTag(for: requested) { return tag }
        let known = survey.languages.map { "\($0.tag) (\($0.name))" }
        throw FieldClientError(
            .usage,
            "Survey '\(survey.id)' has no language '\(requested)'. "
                + (known.isEmpty
                    ? "It is in one language only; leave out --survey-lang."
                    : "Use one of: \(known.joined(separator: ", "))."))
    }

    /// The locale's language: the first set of LC_ALL, LC_MESSAGES and LANG (e.g. `de_DE.UTF-8`);
    /// none for `C`/`POSIX`. The issue-13 interface-language resolver is meant to take this place.
    static func localeLanguages(_ environment: [String: String]) -> [String] {
        guard let value = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty })
        else { return [] }
        let base = value.split(separator: ".").first.map(String.init) ?? value
        return ["C", "POSIX"].contains(base) ? [] : [value]
    }
}
