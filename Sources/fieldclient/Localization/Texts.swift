import Foundation
import SyncModel

/// What fieldclient says, in the user's language: catalog messages, number and date formats,
/// and answers with their labels.
struct Texts: Sendable {
    /// The language.
    let language: Language
    /// The language's messages.
    let catalog: MessageCatalog
    /// Numbers, dates and times.
    let format: DisplayFormat
    /// Answers as people read them.
    let answers: AnswerFormatter

    /// The texts of `language`, with times in `timeZone`.
    static func make(language: Language, timeZone: TimeZone) -> Texts {
        let format = DisplayFormat(language: language, timeZone: timeZone)
        return Texts(
            language: language, catalog: language.catalog, format: format,
            answers: AnswerFormatter(catalog: language.catalog, format: format))
    }

    /// The same texts, with survey labels and hints in the survey language `tag` (nil: the survey's default).
    func inSurveyLanguage(_ tag: String?) -> Texts {
        Texts(language: language, catalog: catalog, format: format, answers: answers.inSurveyLanguage(tag))
    }

    /// The message `key` with `arguments` filled in.
    func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        catalog.text(key, arguments)
    }

    /// A point in time, as people read it in this language.
    func time(_ timestamp: Timestamp) -> String { format.dateTime(timestamp) }

    /// The texts of this process, chosen once in `FieldClient.main()` before the command line is
    /// parsed, so that `--help` and parse errors speak the same language as the commands.
    nonisolated(unsafe) static var current = Texts.make(language: .english, timeZone: .current)

    /// A help text of the current language, for ArgumentParser's static help.
    static func help(_ key: String, _ arguments: [String: String] = [:]) -> String {
        current(key, arguments)
    }
}
