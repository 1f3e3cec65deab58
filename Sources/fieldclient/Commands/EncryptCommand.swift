import ArgumentParser
import Foundation

/// `fieldclient encrypt`: turns a plain store into an encrypted one.
struct EncryptCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "encrypt", abstract: EncryptionTexts.text(.encryptAbstract),
        discussion: EncryptionTexts.text(.encryptDiscussion))

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Writes the encrypted copy, replaces the store with it, and wipes the old file.
    func run() async throws {
        try await options.run(unlocking: false) { env in
            let path = options.storePath
            switch try env.store.encryptionMode() {
            case .encrypted: throw FieldClientError(.usage, EncryptionTexts.text(.alreadyEncrypted, ["path": path]))
            case .undecided: throw FieldClientError(.unauthorized, EncryptionTexts.text(.notJoinedYet))
            case .plain: break
            }
            guard let passphrase = try options.unlocker.passphrases.new() else {
                throw FieldClientError(.usage, EncryptionTexts.text(.passphraseMissingForJoin))
            }
            let key = StoreCipher.makeKey()
            let envelope = try StoreKeyEnvelope.make(
                storeKey: key, passphrase: passphrase, parameters: ScryptParameters.forNewStores())
            let copyPath = path + ".encrypting"
            let count = try env.store.writeEncryptedCopy(to: copyPath, key: key, envelope: envelope)
            try env.store.close()
            // The old store's journal files were removed by closing it; wipe any that remain so
            // that the new file is not read with them.
            for suffix in ["-wal", "-shm"] { try StoreFileReplacement.wipe(path + suffix) }
            try StoreFileReplacement.replace(path, with: copyPath)
            env.output.line(EncryptionTexts.text(.encrypted, ["path": path, "count": String(count)]))
        }
    }
}
