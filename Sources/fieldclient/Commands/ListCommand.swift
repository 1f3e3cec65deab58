import ArgumentParser
import SyncModel

/// `fieldclient list [--survey S] [--drafts|--final] [--pending]`.
struct ListCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the responses on this device, oldest first.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The survey filter.
    @Option(help: "Only responses of this survey.")
    var survey: String?

    /// Only drafts.
    @Flag(help: "Only drafts.")
    var drafts = false

    /// Only final responses.
    @Flag(name: .customLong("final"), help: "Only final responses.")
    var finalOnly = false

    /// Only unsynced.
    @Flag(help: "Only responses with changes not yet synced.")
    var pending = false

    /// Include deleted.
    @Flag(help: "Include deleted responses.")
    var deleted = false

    /// Checks the filters.
    func validate() throws {
        if drafts && finalOnly { throw ValidationError("Give --drafts or --final, not both.") }
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
            let views = records.map(RecordView.init).filter(matches)
            if !damaged.isEmpty {
                env.output.note(EncryptionTexts.text(.recordsDamagedNote, ["ids": damaged.joined(separator: ", ")]))
            }
            try env.output.print(views) {
                views.isEmpty ? "No responses match." : views.map(\.summaryLine).joined(separator: "\n")
            }
        }
    }
}
