import Crypto
import Foundation
@testable import fieldclient

/// Opening the encrypted stores of tests directly.
extension LocalStore {
    /// The store at `path` (made by the `fieldclient` of a `Client`), unlocked with the test passphrase.
    static func openUnlocked(at path: String) throws -> LocalStore {
        let unlocker = StoreUnlocker(
            keyring: NoKeyring(),
            passphrases: PassphraseSources(
                environment: [PassphraseSources.variable: Client.passphrase], file: nil, terminal: NoTerminal()))
        return try unlocker.unlock(try LocalStore.open(at: path))
    }

    /// A new store at `path`, encrypted with the test passphrase at the test cost, unlocked.
    static func makeEncrypted(at path: String) throws -> LocalStore {
        let store = try LocalStore.open(at: path)
        let key = StoreCipher.makeKey()
        try store.saveEncryption(
            try StoreKeyEnvelope.make(storeKey: key, passphrase: Client.passphrase, parameters: .testOnly))
        return store.with(.sealed(StoreCipher(key: key)))
    }
}
