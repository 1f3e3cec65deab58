import Crypto
import Foundation

/// Seals and opens the store's secrets with AES-256-GCM under the store key. Each sealed value is
/// bound (as additional authenticated data) to what it belongs to, e.g. its record id, so that
/// sealed values cannot be swapped between rows. (`SymmetricKey` is an immutable value whose
/// storage swift-crypto does not mark Sendable on Linux; it is never mutated after creation.)
struct StoreCipher: @unchecked Sendable {
    /// The format byte in front of every sealed value.
    static let formatVersion: UInt8 = 1

    /// The store key.
    let key: SymmetricKey

    /// Creates a cipher for `key`.
    init(key: SymmetricKey) { self.key = key }

    /// A new random 256-bit store key.
    static func makeKey() -> SymmetricKey { SymmetricKey(size: .bits256) }

    /// `plaintext` sealed: format byte, nonce, ciphertext, tag.
    func seal(_ plaintext: some DataProtocol, context: String) throws -> Data {
        let box = try AES.GCM.seal(plaintext, using: key, authenticating: Data(context.utf8))
        var sealed = Data(capacity: 1 + 12 + plaintext.count + 16)
        sealed.append(Self.formatVersion)
        sealed.append(box.combined!)
        return sealed
    }

    /// The plaintext of `sealed`; throws when it was altered, belongs elsewhere or the key is wrong.
    func open(_ sealed: Data, context: String) throws -> Data {
        guard sealed.first == Self.formatVersion, sealed.count >= 1 + 12 + 16 else { throw CryptoKitError.incorrectParameterSize }
        let box = try AES.GCM.SealedBox(combined: sealed.dropFirst())
        return try AES.GCM.open(box, using: key, authenticating: Data(context.utf8))
    }

    /// The context a record state is bound to.
    static func recordContext(_ key: String) -> String { "quartiersync/record/" + key }

    /// The context the server's rejection message of a record is bound to.
    static func rejectionContext(_ key: String) -> String { "quartiersync/rejection/" + key }

    /// The context of the device token.
    static let tokenContext = "quartiersync/device-token"

    /// The context of the key check value of the store `storeID`.
    static func checkContext(_ storeID: String) -> String { "quartiersync/key-check/" + storeID }
}
