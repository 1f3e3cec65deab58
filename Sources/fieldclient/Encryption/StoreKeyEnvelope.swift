import Crypto
import Foundation

/// The store key, wrapped under a key derived from the passphrase, plus what is needed to unwrap
/// it and to recognise the right store key: the `encryption` row of an encrypted store.
struct StoreKeyEnvelope: Hashable, Sendable {
    /// A random id of this store, naming its key in the keyring.
    var storeID: String
    /// The scrypt cost.
    var parameters: ScryptParameters
    /// The scrypt salt (16 random bytes).
    var salt: Data
    /// The store key sealed under the passphrase's key.
    var wrappedKey: Data
    /// A known value sealed under the store key, to check a key from the keyring.
    var keyCheck: Data

    /// Wraps a new `storeKey` under `passphrase`.
    static func make(
        storeKey: SymmetricKey, passphrase: String, parameters: ScryptParameters, storeID: String = UUID().uuidString.lowercased()
    ) throws -> StoreKeyEnvelope {
        var envelope = StoreKeyEnvelope(
            storeID: storeID, parameters: parameters, salt: Data(), wrappedKey: Data(),
            keyCheck: try StoreCipher(key: storeKey).seal(Data("quartiersync".utf8), context: StoreCipher.checkContext(storeID)))
        try envelope.wrap(storeKey, passphrase: passphrase, parameters: parameters)
        return envelope
    }

    /// Wraps `storeKey` under `passphrase` with a fresh salt; nothing else changes.
    mutating func wrap(_ storeKey: SymmetricKey, passphrase: String, parameters: ScryptParameters) throws {
        let salt = Data(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
        let wrapping = try parameters.deriveKey(passphrase: passphrase, salt: salt)
        let raw = storeKey.withUnsafeBytes { Data($0) }
        self.salt = salt
        self.parameters = parameters
        wrappedKey = try StoreCipher(key: wrapping).seal(raw, context: Self.wrapContext(storeID))
    }

    /// The store key, or nil when `passphrase` is wrong.
    func unwrap(passphrase: String) throws -> SymmetricKey? {
        let wrapping = try parameters.deriveKey(passphrase: passphrase, salt: salt)
        guard let raw = try? StoreCipher(key: wrapping).open(wrappedKey, context: Self.wrapContext(storeID)) else {
            return nil
        }
        return SymmetricKey(data: raw)
    }

    /// Whether `key` is this store's key.
    func accepts(_ key: SymmetricKey) -> Bool {
        (try? StoreCipher(key: key).open(keyCheck, context: StoreCipher.checkContext(storeID))) != nil
    }

    /// The name of this store's key in the keyring.
    var keyringName: String { "quartiersync-fieldclient:" + storeID }

    private static func wrapContext(_ storeID: String) -> String { "quartiersync/store-key/" + storeID }
}
