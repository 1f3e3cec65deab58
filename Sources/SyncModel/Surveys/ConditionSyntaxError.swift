/// Why condition text could not be parsed, with the 1-based character position of the problem.
public struct ConditionSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The condition text that was parsed.
    public let text: String
    /// The 1-based character position at which parsing failed.
    public let position: Int
    /// What the parser expected at that position, e.g. `')'` or `a value`.
    public let expected: String
    /// What it found instead, e.g. `'and'` or `end of condition`.
    public let found: String

    /// Creates a syntax error.
    public init(text: String, position: Int, expected: String, found: String) {
        self.text = text
        self.position = position
        self.expected = expected
        self.found = found
    }

    /// A readable explanation, e.g. `at position 12: expected ')' but found end of condition`.
    public var message: String {
        "at position \(position): expected \(expected) but found \(found)"
    }

    /// Same as `message`.
    public var description: String { message }
}
