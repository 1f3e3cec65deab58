import ArgumentParser
import Foundation

/// `fieldclient passphrase`: changes the passphrase; only the wrapped key is rewritten.
struct PassphraseCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "passphrase", abstract: EncryptionTexts.text(.passphraseAbstract),
        discussion: EncryptionTexts.text(.passphraseDiscussion))

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The new passphrase's file.
    @Option(name: .long, help: ArgumentHelp(EncryptionTexts.text(.newPassphraseFileHelp), valueName: "FILE"))
    var newPassphraseFile: String?

    /// Asks for the current passphrase once and the new one twice, then rewraps the key.
    func run() async throws {
        try await options.run(unlocking: false) { env in
            let envelope = try UnlockCommand.envelope(of: env.store, path: options.storePath)
            let unlocker = options.unlocker
            let key = try unlocker.key(of: envelope, path: options.storePath, prompt: .promptCurrentPassphrase)
            var sources = unlocker.passphrases
            sources.file = newPassphraseFile
            sources.environment[PassphraseSources.variable] = sources.environment["FIELDCLIENT_NEW_PASSPHRASE"]
            guard let new = try sources.new() else {
                throw FieldClientError(.usage, EncryptionTexts.text(.newPassphraseMissing))
            }
            if try envelope.unwrap(passphrase: new) != nil {
                throw FieldClientError(.usage, EncryptionTexts.text(.passphraseSame))
            }
            var rewrapped = envelope
            try rewrapped.wrap(key, passphrase: new, parameters: ScryptParameters.forNewStores())
            try env.store.saveEncryption(rewrapped)
            env.output.line(EncryptionTexts.text(.passphraseChanged))
        }
    }
}
