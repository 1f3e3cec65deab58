import Crypto
import Foundation

/// Gets the key of an encrypted store: from the keyring (after `unlock`), else from a passphrase;
/// without either, or with a wrong passphrase, a `FieldClientError` with exit status 77 and
/// nothing changed.
struct StoreUnlocker: Sendable {
    /// The keyring.
    var keyring: any StoreKeyring
    /// The passphrase sources.
    var passphrases: PassphraseSources

    /// The keyring and passphrase sources of this process.
    static func system(passphraseFile: String?) -> StoreUnlocker {
        StoreUnlocker(keyring: Keyrings.system(), passphrases: .system(file: passphraseFile))
    }

    /// `store` unlocked; a plain or new store comes back as it is.
    func unlock(_ store: LocalStore) throws -> LocalStore {
        guard case .locked = store.sealing, case .encrypted(let envelope) = try store.encryptionMode() else { return store }
        if let raw = keyring.key(named: envelope.keyringName) {
            let key = SymmetricKey(data: raw)
            if envelope.accepts(key) { return store.with(.sealed(StoreCipher(key: key))) }
        }
        return store.with(.sealed(StoreCipher(key: try key(of: envelope, path: store.writer.path))))
    }

    /// The store key from a passphrase (given, or asked once).
    func key(of envelope: StoreKeyEnvelope, path: String, prompt: EncryptionTexts.Key = .promptPassphrase) throws -> SymmetricKey {
        guard let passphrase = try passphrases.existing(prompt: prompt) else {
            throw FieldClientError(.unauthorized, EncryptionTexts.text(.storeLocked, ["path": path]))
        }
        return try key(of: envelope, passphrase: passphrase, path: path)
    }

    /// The store key for `passphrase`, or exit status 77 when it is wrong.
    func key(of envelope: StoreKeyEnvelope, passphrase: String, path: String) throws -> SymmetricKey {
        guard envelope.parameters.isSupported else {
            throw FieldClientError(.storeFailure, EncryptionTexts.text(.storeDamagedKey, ["path": path]))
        }
        guard !passphrase.isEmpty, let key = try envelope.unwrap(passphrase: passphrase), envelope.accepts(key) else {
            throw FieldClientError(
                .unauthorized, EncryptionTexts.text(.wrongPassphrase, ["lost": EncryptionTexts.text(.lostPassphraseHelp)]))
        }
        return key
    }
}
