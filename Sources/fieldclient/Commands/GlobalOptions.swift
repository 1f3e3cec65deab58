import ArgumentParser
import Foundation
import SyncModel

/// The options every command shares: `--store`, `--json`, `--lang`, `--allow-insecure`, `--passphrase-file`; they may
/// also be written before the command (`fieldclient --store PATH join …`).
struct GlobalOptions: ParsableArguments {
    /// The store path.
    @Option(name: .long, help: ArgumentHelp(Texts.help("help.option.store"), valueName: "PATH"))
    var store: String?

    /// JSON output.
    @Flag(name: .long, help: ArgumentHelp(Texts.help("help.option.json")))
    var json = false

    /// The language of the output (chosen before parsing; see `FieldClient.main()`).
    @Option(name: .long, help: ArgumentHelp(Texts.help("help.option.lang"), valueName: "de|en"))
    var lang: String?

    /// Allow plain http to other hosts than this machine.
    @Flag(name: .long, help: ArgumentHelp(Texts.help("help.option.allowInsecure")))
    var allowInsecure = false

    /// Where a script keeps the passphrase.
    @Option(name: .long, help: ArgumentHelp(EncryptionTexts.text(.passphraseFileHelp), valueName: "FILE"))
    var passphraseFile: String?

    /// The keyring and passphrase sources of this process.
    var unlocker: StoreUnlocker { .system(passphraseFile: passphraseFile) }

    /// Checks `--lang`.
    func validate() throws {
        if let lang, Language(tag: lang) == nil {
            throw ValidationError(Texts.help("error.lang", ["value": lang]))
        }
    }

    /// The store path to use: `--store`, then FIELDCLIENT_STORE, then the default.
    var storePath: String {
        if let store, !store.isEmpty { return store }
        if let path = ProcessInfo.processInfo.environment["FIELDCLIENT_STORE"], !path.isEmpty { return path }
        return LocalStore.defaultPath()
    }

    /// Runs `body` with an environment, turning every failure into a message and an exit code.
    /// An encrypted store is unlocked first (keyring, passphrase, or exit 77), unless `unlocking` is false.
    func run(unlocking: Bool = true, _ body: (CommandEnvironment) async throws -> Void) async throws {
        let output = Output(json: json)
        let texts = Texts.current
        do {
            var store = try LocalStore.open(at: storePath)
            if unlocking { store = try unlocker.unlock(store) }
            try await body(CommandEnvironment(options: self, store: store, output: output, texts: texts))
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            let (status, message) = ErrorReport.describe(error, texts: texts)
            output.note(message)
            throw status.exitCode
        }
    }
}
