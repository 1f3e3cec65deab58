import Foundation

/// Names one write: the replica that made it and that replica's counter for the record.
///
/// The JSON form is the compact string `"<replica>:<counter>"`, e.g.
/// `"0f3c…9a:7"`, because a dot accompanies every sibling on the wire.
public struct Dot: Hashable, Comparable, Sendable {
    /// The replica that made the write.
    public let replica: ReplicaID
    /// The replica's counter for this record at the write, starting at 1.
    public let counter: UInt64

    /// Creates a dot.
    public init(replica: ReplicaID, counter: UInt64) {
        self.replica = replica
        self.counter = counter
    }

    /// Orders dots by replica, then counter: the canonical order of siblings.
    public static func < (lhs: Dot, rhs: Dot) -> Bool {
        (lhs.replica, lhs.counter) < (rhs.replica, rhs.counter)
    }
}

extension Dot: CustomStringConvertible, LosslessStringConvertible {
    /// The text form `"<replica>:<counter>"`.
    public var description: String { "\(replica):\(counter)" }

    /// Parses the text form.
    public init?(_ description: String) {
        let parts = description.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let replica = ReplicaID(parts[0]),
            parts[1].allSatisfy(\.isASCII), let counter = UInt64(parts[1]), counter > 0
        else { return nil }
        self.init(replica: replica, counter: counter)
    }
}

extension Dot: Codable {
    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let dot = Dot(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "A dot is '<32 hex digits>:<counter ≥ 1>', got '\(text.prefix(60))'.")
        }
        self = dot
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
