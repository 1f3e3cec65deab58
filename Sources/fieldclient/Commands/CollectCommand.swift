import ArgumentParser
import Foundation
import SyncModel

#if canImport(Glibc)
    import Glibc
#endif

/// `fieldclient collect SURVEY [--household ID]`: an interview in the terminal.
struct CollectCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "collect", abstract: Texts.help("help.collect.abstract"),
            discussion: Texts.help("help.collect.discussion"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The survey id.
    @Argument(help: ArgumentHelp(Texts.help("help.argument.survey")))
    var survey: String

    /// The household.
    @Option(help: ArgumentHelp(Texts.help("help.collect.household")))
    var household: String?

    /// The questionnaire language to start in.
    @Option(name: .customLong("survey-lang"), help: ArgumentHelp(Texts.help("help.collect.surveyLang")))
    var surveyLanguage: String?

    /// Interview at a refused door without asking first.
    @Flag(name: .customLong("despite-refusal"), help: ArgumentHelp(Texts.help("help.collect.despiteRefusal")))
    var despiteRefusal = false

    /// Runs the interview.
    func run() async throws {
        try await options.run { env in
            let definition = try env.survey(survey)
            let language = try CollectCommand.startLanguage(
                of: definition, requested: surveyLanguage,
                preferred: CollectCommand.preferredLanguages(option: options.lang, environment: ProcessInfo.processInfo.environment))
            let householdID = try household.map { try env.store.resolveID($0, collection: RecordCollection.households) }
            let input = StandardInputLines()
            if let householdID, !despiteRefusal, let door = try env.store.record(id: householdID)?.record,
                VisitLog(door).status == .refused
            {
                try Self.confirmRefusedDoor(
                    LocalStore.key(householdID), isTerminal: isatty(STDIN_FILENO) == 1, input: input, texts: env.texts,
                    emit: { env.output.line($0) })
            }
            // With --json the prompts go to standard error so that standard output is pure JSON.
            let json = options.json
            let interview = Interview(
                survey: definition, records: try env.records(), household: householdID, input: input,
                emit: { text in
                    (json ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
                }, language: language)
            let result = try interview.run()
            if json {
                try env.output.print(CreatedRecord(id: result.id.map(LocalStore.key), status: result.status?.rawValue)) { "" }
            } else if let id = result.id {
                env.output.line(env.texts("collect.id", ["id": LocalStore.key(id)]))
            }
        }
    }

    /// Asks on a terminal whether to interview at a refused door; without a terminal, refuses
    /// (``despiteRefusal`` skips the question). Throws when the interviewer does not confirm.
    static func confirmRefusedDoor(
        _ id: String, isTerminal: Bool, input: any LineSource, texts: Texts, emit: (String) -> Void
    ) throws {
        let short = String(id.prefix(8))
        guard isTerminal else { throw FieldClientError(.usage, texts("collect.refusedNeedsFlag", ["id": short])) }
        emit(texts("collect.refusedDoor", ["id": short]))
        FileHandle.standardOutput.write(Data(texts("collect.refusedConfirm").utf8))
        let answer = (input.nextLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard ["j", "ja", "y", "yes"].contains(answer) else {
            throw FieldClientError(.usage, texts("collect.refusedCancelled"))
        }
    }

    /// The language tag to start `survey` in: `requested` (which the survey must have), else the first
    /// of `preferred` that it has, else nil (the default language).
    static func startLanguage(of survey: SurveyDefinition, requested: String?, preferred: [String]) throws -> String? {
        guard let requested else { return survey.bestLanguage(for: preferred) }
        if let tag = survey.languageTag(for: requested) { return tag }
        let known = survey.languages.map { "\($0.tag) (\($0.name))" }
        let texts = Texts.current
        throw FieldClientError(
            .usage,
            known.isEmpty
                ? texts("collect.surveyLang.single", ["survey": survey.id, "language": requested])
                : texts("collect.surveyLang.unknown", ["survey": survey.id, "language": requested, "languages": known.joined(separator: ", ")]))
    }

    /// The user's language, looked up as the interface language is (``Language/resolve(option:environment:variable:)``:
    /// `--lang`, FIELDCLIENT_LANG, LC_ALL, LC_MESSAGES, LANG) but kept as written, so that `tr_TR.UTF-8` finds a
    /// survey's Turkish although the interface speaks English; none for `C`/`POSIX`.
    static func preferredLanguages(option: String?, environment: [String: String]) -> [String] {
        let candidates = [option, environment["FIELDCLIENT_LANG"], environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
        guard let value = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return [] }
        let base = value.split(separator: ".").first.map(String.init) ?? value
        return ["C", "POSIX"].contains(base) ? [] : [value]
    }
}
