import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient erase ID [--yes]`: a trainer erases a record for good (a resident's request).
struct EraseCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "erase", abstract: Texts.help("help.erase.abstract"),
            discussion: Texts.help("help.erase.discussion"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The record id or prefix.
    @Argument(help: ArgumentHelp(Texts.help("help.argument.recordID")))
    var id: String

    /// Do not ask.
    @Flag(help: ArgumentHelp(Texts.help("help.erase.yes")))
    var yes = false

    /// Says what will happen, asks, erases locally; the next sync erases it everywhere.
    func run() async throws {
        try await options.run { env in
            let device = try env.requireDevice()
            guard device.role == .trainer else {
                throw FieldClientError(.unauthorized, env.texts("erase.trainersOnly"))
            }
            let uuid = try env.store.resolveID(id)
            let short = String(LocalStore.key(uuid).prefix(8))
            if !yes {
                FileHandle.standardError.write(Data((env.texts("erase.question", ["id": short]) + " ").utf8))
                let answer = readLine(strippingNewline: true)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard ["j", "ja", "y", "yes"].contains(answer) else {
                    throw FieldClientError(.usage, env.texts("erase.declined"))
                }
            }
            let record = try env.records().erase(uuid)
            try env.store.truncateJournal()
            try env.output.print(ErasureView(id: LocalStore.key(uuid), erasure: record.erasure)) {
                env.texts("erase.done", ["id": short])
            }
        }
    }
}
