/// How often one choice was picked.
public struct ChoiceCount: Codable, Hashable, Sendable {
    /// The choice name.
    public var name: String
    /// The choice label.
    public var label: String
    /// How many final responses picked it.
    public var count: Int

    /// Creates a choice count.
    public init(name: String, label: String, count: Int) {
        self.name = name
        self.label = label
        self.count = count
    }
}
