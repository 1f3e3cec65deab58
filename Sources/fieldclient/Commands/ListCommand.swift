import ArgumentParser
import SyncModel

/// `fieldclient list [--survey S] [--drafts|--final] [--pending] [--review]`.
struct ListCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: Texts.help("help.list.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The survey filter.
    @Option(help: ArgumentHelp(Texts.help("help.list.survey")))
    var survey: String?

    /// Only drafts.
    @Flag(help: ArgumentHelp(Texts.help("help.list.drafts")))
    var drafts = false

    /// Only final responses.
    @Flag(name: .customLong("final"), help: ArgumentHelp(Texts.help("help.list.final")))
    var finalOnly = false

    /// Only unsynced.
    @Flag(help: ArgumentHelp(Texts.help("help.list.pending")))
    var pending = false

    /// Only responses with review work: a participant's open questions, a trainer's responses waiting.
    @Flag(help: ArgumentHelp(Texts.help("help.list.review")))
    var review = false

    /// Include deleted.
    @Flag(help: ArgumentHelp(Texts.help("help.list.deleted")))
    var deleted = false

    /// Checks the filters.
    func validate() throws {
        if drafts && finalOnly { throw ValidationError(Texts.help("list.draftsAndFinal")) }
    }

    /// Whether a response passes the filters.
    func matches(_ view: RecordView) -> Bool {
        if let survey, view.survey != survey { return false }
        if view.deleted && !deleted { return false }
        if drafts && view.status != ResponseStatus.draft.rawValue { return false }
        if finalOnly && view.status != ResponseStatus.final.rawValue { return false }
        return true
    }

    /// Lists.
    func run() async throws {
        try await options.run { env in
            let (records, damaged) = try env.store.recordsAndDamage(
                matching: RecordQuery(collection: RecordCollection.responses, pendingOnly: pending))
            var views = records.map(RecordView.init).filter(matches)
            if review {
                let device = try env.store.device()
                let ids = Set(
                    (device.map { device in
                        device.role == .trainer
                            ? ReviewQueue.waiting(records.map(\.record)) : ReviewQueue.openQuestions(records.map(\.record), device: device)
                    } ?? []).map { LocalStore.key($0.id) })
                views = views.filter { ids.contains($0.id) }
            }
            if !damaged.isEmpty {
                env.output.note(EncryptionTexts.text(.recordsDamagedNote, ["ids": damaged.joined(separator: ", ")]))
            }
            let texts = env.texts
            try env.output.print(views) {
                guard !views.isEmpty else { return texts("list.none") }
                return TextTable.render(header: RecordView.listHeader(texts), rows: views.map { $0.listRow(texts) })
            }
        }
    }
}
