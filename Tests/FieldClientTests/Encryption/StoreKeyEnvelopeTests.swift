import Crypto
import Foundation
import Testing
@testable import fieldclient

@Suite("StoreKeyEnvelope")
struct StoreKeyEnvelopeTests {
    @Test("the right passphrase unwraps the store key; a wrong one gets nil")
    func unwrap() throws {
        let key = StoreCipher.makeKey()
        let envelope = try StoreKeyEnvelope.make(storeKey: key, passphrase: "richtige Passphrase", parameters: .testOnly)
        #expect(try envelope.unwrap(passphrase: "richtige Passphrase") == key)
        #expect(try envelope.unwrap(passphrase: "falsche Passphrase") == nil)
        #expect(envelope.accepts(key))
        #expect(!envelope.accepts(StoreCipher.makeKey()))
    }

    @Test("rewrapping changes the salt and the wrapped key, not the store key or its check value")
    func rewrap() throws {
        let key = StoreCipher.makeKey()
        let envelope = try StoreKeyEnvelope.make(storeKey: key, passphrase: "alte Passphrase", parameters: .testOnly)
        var rewrapped = envelope
        try rewrapped.wrap(key, passphrase: "neue Passphrase", parameters: .testOnly)
        #expect(rewrapped.salt != envelope.salt && rewrapped.wrappedKey != envelope.wrappedKey)
        #expect(rewrapped.keyCheck == envelope.keyCheck && rewrapped.storeID == envelope.storeID)
        #expect(try rewrapped.unwrap(passphrase: "neue Passphrase") == key)
        #expect(try rewrapped.unwrap(passphrase: "alte Passphrase") == nil)
    }
}
