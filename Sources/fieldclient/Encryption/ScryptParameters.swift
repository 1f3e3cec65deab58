import Crypto
import Foundation
import _CryptoExtras

/// The cost of scrypt, stored with the store so that it can be raised later.
struct ScryptParameters: Hashable, Sendable {
    /// log2 of scrypt's N (rounds).
    var logN: Int
    /// The block size r.
    var blockSize: Int
    /// The parallelism p.
    var parallelism: Int

    /// About a quarter of a second on the project's reference machine (N = 2^16, r = 8, p = 1; 64 MiB).
    static let standard = ScryptParameters(logN: 16, blockSize: 8, parallelism: 1)

    /// Cheap parameters for the test suite only (N = 2^10); chosen by `FIELDCLIENT_TEST_WEAK_KDF=1`.
    static let testOnly = ScryptParameters(logN: 10, blockSize: 8, parallelism: 1)

    /// The environment variable the test suite sets to make new stores cheap to unlock.
    static let testVariable = "FIELDCLIENT_TEST_WEAK_KDF"

    /// The parameters for a store created now: the standard ones, unless the test suite asks otherwise.
    static func forNewStores(environment: [String: String] = ProcessInfo.processInfo.environment) -> ScryptParameters {
        environment[testVariable] == "1" ? .testOnly : .standard
    }

    /// Whether the parameters are within what this program derives (guards against a damaged store
    /// demanding gigabytes of memory).
    var isSupported: Bool {
        (10...22).contains(logN) && (1...32).contains(blockSize) && (1...4).contains(parallelism)
    }

    /// Derives the 256-bit key-encryption key from `passphrase` and `salt`.
    func deriveKey(passphrase: String, salt: Data) throws -> SymmetricKey {
        try KDF.Scrypt.deriveKey(
            from: Array(passphrase.utf8), salt: salt, outputByteCount: 32, rounds: 1 << logN, blockSize: blockSize,
            parallelism: parallelism)
    }
}
