import Crypto
import Foundation

/// Hashes tokens and codes for storage and compares hashes in constant time.
enum SecretHasher {
    /// SHA-256 of the UTF-8 text.
    static func hash(_ secret: String) -> Data {
        Data(SHA256.hash(data: Data(secret.utf8)))
    }

    /// Whether two hashes are equal, taking the same time wherever they differ.
    static func constantTimeEquals(_ lhs: Data, _ rhs: Data) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }
}
