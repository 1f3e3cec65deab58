import Foundation

/// A one-time enrollment code: 10 characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), shown grouped as `ABCD-EFGH-JK`; about 49 bits.
///
/// Input is normalized (upper-cased, dashes and spaces dropped) before hashing, so people may
/// type it in any case and grouping.
struct EnrollmentCode: Sendable, Hashable {
    /// The unambiguous alphabet: 31 characters.
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    /// The number of characters.
    static let length = 10
    /// How long a participant's code works.
    static let participantLifetime: Int64 = 7 * 24 * 3600 * 1000
    /// How long a trainer's code works: 48 hours, because a trainer's device can read all
    /// answers of the cohort, so an unused code should not stay valid long.
    static let trainerLifetime: Int64 = 2 * 24 * 3600 * 1000

    /// The code's characters without grouping.
    let normalized: String

    /// Makes a new random code; rejection sampling keeps characters uniform.
    static func make(random: any RandomSource) -> EnrollmentCode {
        var characters: [Character] = []
        while characters.count < length {
            for byte in random.bytes(length) where characters.count < length && Int(byte) < 248 {
                characters.append(alphabet[Int(byte) % alphabet.count])
            }
        }
        return EnrollmentCode(normalized: String(characters))
    }

    /// Normalizes a typed code.
    init(typed text: String) {
        normalized = String(text.uppercased().filter { $0 != "-" && !$0.isWhitespace })
    }

    private init(normalized: String) {
        self.normalized = normalized
    }

    /// The grouped form shown to people, e.g. `ABCD-EFGH-JK`.
    var display: String {
        let characters = Array(normalized)
        return stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }

    /// The hash stored for this code.
    var hash: Data { SecretHasher.hash(normalized) }
}
