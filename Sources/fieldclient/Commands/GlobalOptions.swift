import ArgumentParser
import Foundation

/// The options every command shares: `--store`, `--json`, `--allow-insecure`.
struct GlobalOptions: ParsableArguments {
    /// The store path.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The local store file (environment FIELDCLIENT_STORE).", valueName: "PATH"))
    var store: String?

    /// JSON output.
    @Flag(name: .long, help: "Print stable JSON for scripts.")
    var json = false

    /// Allow plain http to other hosts than this machine.
    @Flag(name: .long, help: "Allow plain http:// to a host that is not this machine (answers travel unencrypted).")
    var allowInsecure = false

    /// Where a script keeps the passphrase.
    @Option(name: .long, help: ArgumentHelp(EncryptionTexts.text(.passphraseFileHelp), valueName: "FILE"))
    var passphraseFile: String?

    /// The keyring and passphrase sources of this process.
    var unlocker: StoreUnlocker { .system(passphraseFile: passphraseFile) }

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
        do {
            var store = try LocalStore.open(at: storePath)
            if unlocking { store = try unlocker.unlock(store) }
            try await body(CommandEnvironment(options: self, store: store, output: output))
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            let (status, message) = ErrorReport.describe(error)
            output.note(message)
            throw status.exitCode
        }
    }
}
