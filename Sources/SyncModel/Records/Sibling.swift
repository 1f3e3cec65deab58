/// One concurrent value of a multi-value register: the write's dot, its value, and when it was made.
public struct Sibling<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    /// The write that produced this value.
    public var dot: Dot
    /// The value written.
    public var value: Value
    /// The writer's clock at the write; used only to pick the shown value among siblings.
    public var timestamp: Timestamp

    /// Creates a sibling.
    public init(dot: Dot, value: Value, timestamp: Timestamp) {
        self.dot = dot
        self.value = value
        self.timestamp = timestamp
    }

    /// Whether this sibling is shown ahead of `other`: the later timestamp, then the larger
    /// replica id, then the larger counter.
    public func isPreferred(over other: Sibling) -> Bool {
        (timestamp, dot.replica, dot.counter) > (other.timestamp, other.dot.replica, other.dot.counter)
    }

    private enum CodingKeys: String, CodingKey {
        case dot
        case value
        case timestamp = "at"
    }
}
