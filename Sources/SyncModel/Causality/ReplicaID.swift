import Foundation

/// Identifies one install of the field client, or the server when a trainer edits on the web.
///
/// It is 128 random bits. Its text form is 32 lowercase hexadecimal digits, stable across
/// platforms and versions; the JSON form is that text.
public struct ReplicaID: Hashable, Comparable, Sendable {
    /// The upper 64 bits.
    public let high: UInt64
    /// The lower 64 bits.
    public let low: UInt64

    /// Creates an id from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses the 32-digit hexadecimal text form; upper-case digits are accepted too.
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 32,
            let high = UInt64(text.prefix(16), radix: 16),
            let low = UInt64(text.suffix(16), radix: 16),
            !text.contains(where: { $0 == "+" || $0 == "-" })
        else { return nil }
        self.init(high: high, low: low)
    }

    /// Makes a new random id from the given generator; inject a seeded generator in tests.
    public static func makeRandom(using generator: inout some RandomNumberGenerator) -> ReplicaID {
        ReplicaID(high: generator.next(), low: generator.next())
    }

    /// Makes a new id from the system's random number generator.
    public static func makeRandom() -> ReplicaID {
        var generator = SystemRandomNumberGenerator()
        return makeRandom(using: &generator)
    }

    /// Orders ids by their numeric value, which equals the order of their text forms.
    public static func < (lhs: ReplicaID, rhs: ReplicaID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}

extension ReplicaID: CustomStringConvertible, LosslessStringConvertible {
    /// The 32-digit lowercase hexadecimal text form.
    public var description: String {
        let high = String(high, radix: 16)
        let low = String(low, radix: 16)
        return String(repeating: "0", count: 16 - high.count) + high
            + String(repeating: "0", count: 16 - low.count) + low
    }

    /// Parses the text form; see ``init(_:)-(StringProtocol)``.
    public init?(_ description: String) {
        self.init(description[...])
    }
}

extension ReplicaID: Codable {
    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ReplicaID(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "A replica id is 32 hexadecimal digits, got '\(text.prefix(40))'.")
        }
        self = id
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension ReplicaID: CodingKeyRepresentable {
    /// The text form as a dictionary key.
    public var codingKey: any CodingKey { ReplicaKey(stringValue: description) }

    /// Parses a dictionary key.
    public init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }
}

/// A dictionary key holding a replica id's text.
private struct ReplicaKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
