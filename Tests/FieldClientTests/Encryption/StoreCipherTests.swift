import Crypto
import Foundation
import Testing
@testable import fieldclient

@Suite("StoreCipher")
struct StoreCipherTests {
    let cipher = StoreCipher(key: StoreCipher.makeKey())

    @Test("a sealed value opens with its context and hides the plaintext")
    func roundTrip() throws {
        let plain = Data("Antwort: Lindenstraße 4".utf8)
        let sealed = try cipher.seal(plain, context: StoreCipher.recordContext("a"))
        #expect(sealed.range(of: Data("Lindenstraße".utf8)) == nil)
        #expect(try cipher.open(sealed, context: StoreCipher.recordContext("a")) == plain)
        // A fresh nonce each time: equal states do not look equal.
        #expect(try cipher.seal(plain, context: StoreCipher.recordContext("a")) != sealed)
    }

    @Test("another row's context, a flipped bit or another key cannot open it")
    func refusesWhatDoesNotBelong() throws {
        let sealed = try cipher.seal(Data("x".utf8), context: StoreCipher.recordContext("a"))
        #expect(throws: (any Error).self) { try cipher.open(sealed, context: StoreCipher.recordContext("b")) }
        for index in sealed.indices {
            var flipped = sealed
            flipped[index] ^= 0x80
            #expect(throws: (any Error).self) { try cipher.open(flipped, context: StoreCipher.recordContext("a")) }
        }
        let other = StoreCipher(key: StoreCipher.makeKey())
        #expect(throws: (any Error).self) { try other.open(sealed, context: StoreCipher.recordContext("a")) }
    }
}
