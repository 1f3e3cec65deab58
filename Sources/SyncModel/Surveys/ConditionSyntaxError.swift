/// Why condition text could not be parsed, with the 1-based character position of the problem.
public struct ConditionSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The condition text that was parsed.
    public let text: String
    /// The 1-based character position at which parsing failed.
    public let position: Int
    /// What the parser expected at that position.
    public let expectation: Expectation
    /// What it found instead, as written; nil at the end of the condition.
    public let token: String?

    /// Creates a syntax error.
    public init(text: String, position: Int, expectation: Expectation, token: String?) {
        self.text = text
        self.position = position
        self.expectation = expectation
        self.token = token
    }

    /// What the parser expected, in English, e.g. `')'` or `a question name`.
    public var expected: String { expectation.text.text(in: .english) }

    /// What it found instead, in English, e.g. `'and'` or `end of condition`.
    public var found: String { foundText.text(in: .english) }

    /// What the parser found, worded for a catalog: the token in quotes, or the end of the condition.
    public var foundText: CatalogText {
        token.map { .verbatim("'\($0)'") } ?? .worded("condition.found.end", [:])
    }

    /// The explanation in `catalog`'s language, e.g. `at position 12: expected ')' but found end of condition`.
    public func message(in catalog: MessageCatalog) -> String {
        catalog.text(
            "condition.syntax",
            ["position": String(position), "expected": expectation.text.text(in: catalog), "found": foundText.text(in: catalog)])
    }

    /// The explanation in English.
    public var message: String { message(in: .english) }

    /// Same as `message`.
    public var description: String { message }
}

extension ConditionSyntaxError {
    /// What the parser expected where it failed.
    public enum Expectation: Hashable, Sendable {
        /// `and`, `or`, a comparison or the end of the condition.
        case continuation
        /// A value, a reference, `.`, `(` or a function.
        case operand
        /// Exactly this symbol, e.g. `)`.
        case symbol(String)
        /// The name of a question inside `${…}`.
        case questionName
        /// The quote that closes a string opened at the position.
        case closingQuote(String)
        /// A number.
        case number
        /// A value or one of the supported functions.
        case function
        /// `(` after the function name.
        case openingParenthesis(after: String)
        /// `,` and the next argument of the function.
        case anotherArgument(to: String)
        /// `)` right after the `(` of a function without arguments.
        case noArguments(String)
        /// `)` after the arguments of the function.
        case closingParenthesis(after: String)

        /// The expectation worded for a catalog.
        public var text: CatalogText {
            switch self {
            case .continuation: .worded("condition.expected.continuation", [:])
            case .operand: .worded("condition.expected.operand", [:])
            case .symbol(let symbol): .verbatim("'\(symbol)'")
            case .questionName: .worded("condition.expected.questionName", [:])
            case .closingQuote(let quote): .worded("condition.expected.closingQuote", ["quote": .verbatim(quote)])
            case .number: .worded("condition.expected.number", [:])
            case .function: .worded("condition.expected.function", [:])
            case .openingParenthesis(let name): .worded("condition.expected.openingParenthesis", ["name": .verbatim(name)])
            case .anotherArgument(let name): .worded("condition.expected.anotherArgument", ["name": .verbatim(name)])
            case .noArguments(let name): .worded("condition.expected.noArguments", ["name": .verbatim(name)])
            case .closingParenthesis(let name): .worded("condition.expected.closingParenthesis", ["name": .verbatim(name)])
            }
        }
    }
}
