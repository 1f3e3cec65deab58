import ArgumentParser
import SyncModel

/// `fieldclient list [--survey S] [--drafts|--final] [--pending] [--review] [--limit N]`, newest first.
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

    /// At most this many (the newest).
    @Option(help: ArgumentHelp(Texts.help("help.list.limit"), valueName: "N"))
    var limit: Int?

    /// Checks the filters.
    func validate() throws {
        if drafts && finalOnly { throw ValidationError(Texts.help("list.draftsAndFinal")) }
        if let limit, limit < 1 { throw ValidationError(Texts.help("list.badLimit")) }
    }

    /// Whether a response passes the filters.
    func matches(_ view: RecordView) -> Bool {
        if let survey, view.survey != survey { return false }
        if view.deleted && !deleted { return false }
        if drafts && view.status != ResponseStatus.draft.rawValue { return false }
        if finalOnly && view.status != ResponseStatus.final.rawValue { return false }
        return true
    }

    /// Lists, decoding one record at a time and keeping only what is printed: the table's cells
    /// (its column widths need every row; the lines are made as they are written), or with
    /// `--json` the matching views.
    func run() async throws {
        try await options.run { env in
            let device = review ? try env.store.device() : nil
            let texts = env.texts
            var views: [RecordView] = []
            var rows: [[String]] = []
            var listed = 0
            let damaged = try env.store.forEachRecord(
                matching: RecordQuery(collection: RecordCollection.responses, pendingOnly: pending, newestFirst: true)
            ) { record in
                let view = RecordView(record)
                guard matches(view) else { return true }
                if review {
                    guard let device else { return false }
                    let queued =
                        device.role == .trainer
                        ? ReviewQueue.waiting([record.record]) : ReviewQueue.openQuestions([record.record], device: device)
                    guard !queued.isEmpty else { return true }
                }
                if env.output.json {
                    views.append(view)
                } else {
                    rows.append(view.listRow(texts))
                }
                listed += 1
                return listed < limit ?? .max
            }
            if !damaged.isEmpty {
                env.output.note(EncryptionTexts.text(.recordsDamagedNote, ["ids": damaged.joined(separator: ", ")]))
            }
            if env.output.json {
                try env.output.print(views) { "" }
            } else if rows.isEmpty {
                env.output.line(texts("list.none"))
            } else {
                env.output.lines(TextTable.lines(header: RecordView.listHeader(texts), rows: rows))
            }
        }
    }
}
