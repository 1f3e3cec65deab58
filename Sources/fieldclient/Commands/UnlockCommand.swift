import ArgumentParser
import Crypto
import Foundation

/// `fieldclient unlock [--for 8h]`.
struct UnlockCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "unlock", abstract: EncryptionTexts.text(.unlockAbstract),
        discussion: EncryptionTexts.text(.unlockDiscussion) + "\n\n" + EncryptionTexts.text(.lostPassphraseHelp))

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// How long.
    @Option(name: .customLong("for"), help: ArgumentHelp(EncryptionTexts.text(.forHelp), valueName: "DURATION"))
    var duration = "8h"

    /// Checks the duration.
    func validate() throws {
        guard UnlockDuration.seconds(duration) != nil else {
            throw ValidationError(EncryptionTexts.text(.badDuration, ["value": String(duration.prefix(20))]))
        }
    }

    /// Asks for the passphrase once and keeps the key in the keyring.
    func run() async throws {
        try await options.run(unlocking: false) { env in
            let envelope = try Self.envelope(of: env.store, path: options.storePath)
            let unlocker = options.unlocker
            let key = try unlocker.key(of: envelope, path: options.storePath)
            guard unlocker.keyring.isAvailable else {
                env.output.note(
                    EncryptionTexts.text(.unlockedNoKeyring, ["detail": EncryptionTexts.text(.keyringUnavailable)]))
                return
            }
            let seconds = UnlockDuration.seconds(duration) ?? 8 * 3600
            do {
                try unlocker.keyring.keep(key.withUnsafeBytes { Data($0) }, named: envelope.keyringName, seconds: seconds)
            } catch let error as KeyringError {
                env.output.note(EncryptionTexts.text(.unlockedNoKeyring, ["detail": error.detail]))
                return
            }
            env.output.line(EncryptionTexts.text(.unlocked, ["duration": UnlockDuration.describe(seconds)]))
        }
    }

    /// The envelope of an encrypted store; a plain or new store gets a message instead.
    static func envelope(of store: LocalStore, path: String) throws -> StoreKeyEnvelope {
        switch try store.encryptionMode() {
        case .encrypted(let envelope): return envelope
        case .plain: throw FieldClientError(.usage, EncryptionTexts.text(.plainStoreNothingToUnlock, ["path": path]))
        case .undecided: throw FieldClientError(.unauthorized, EncryptionTexts.text(.notJoinedYet))
        }
    }
}
