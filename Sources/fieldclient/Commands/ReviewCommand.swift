import Foundation
import ArgumentParser
import SyncModel

/// `fieldclient review ID --ok | --ask TEXT | --reply TEXT | --close`.
struct ReviewCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "review", abstract: Texts.help("help.review.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The response id or prefix.
    @Argument(help: ArgumentHelp(Texts.help("help.review.id")))
    var id: String

    /// Marks the response reviewed.
    @Flag(help: ArgumentHelp(Texts.help("help.review.ok")))
    var ok = false

    /// A trainer's question.
    @Option(help: ArgumentHelp(Texts.help("help.review.ask"), valueName: "TEXT"))
    var ask: String?

    /// The interviewer's answer.
    @Option(help: ArgumentHelp(Texts.help("help.review.reply"), valueName: "TEXT"))
    var reply: String?

    /// Closes the thread.
    @Flag(help: ArgumentHelp(Texts.help("help.review.close")))
    var close = false

    /// The message asked for: its kind and text.
    var message: (kind: ReviewKind, text: String)? {
        var chosen: [(ReviewKind, String)] = []
        if ok { chosen.append((.ok, "")) }
        if let ask { chosen.append((.ask, ask)) }
        if let reply { chosen.append((.reply, reply)) }
        if close { chosen.append((.close, "")) }
        return chosen.count == 1 ? chosen[0] : nil
    }

    /// Checks that exactly one action is given, with a text where it needs one.
    func validate() throws {
        guard let message else { throw ValidationError(Texts.help("review.oneAction")) }
        if message.kind == .ask || message.kind == .reply,
            message.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            throw ValidationError(Texts.help("review.emptyText"))
        }
    }

    /// Writes the message.
    func run() async throws {
        guard let message else { return }
        try await options.run { env in
            let uuid = try env.store.resolveID(id, collection: RecordCollection.responses)
            let text = message.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let record = try env.records().review(uuid, kind: message.kind, text: text)
            try env.output.print(RecordView(StoredRecord(record: record, revision: 1, syncedRevision: 0))) {
                env.texts(
                    "review.done",
                    ["id": String(LocalStore.key(uuid).prefix(8)), "state": env.texts("review.state." + ReviewThread(record).state.rawValue)])
            }
        }
    }
}
