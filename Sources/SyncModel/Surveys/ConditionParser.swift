/// A hand-written recursive-descent parser for XLSForm conditions.
///
/// Grammar (lowest precedence first):
///
///     condition  := or
///     or         := and ("or" and)*
///     and        := equality ("and" equality)*
///     equality   := relational (("=" | "!=") relational)?
///     relational := primary (("<" | "<=" | ">" | ">=") primary)?
///     primary    := "." | "${" name "}" | string | number | "-" number
///                 | "(" condition ")" | function "(" arguments ")"
struct ConditionParser {
    private let text: String
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    mutating func parseCondition() throws(ConditionSyntaxError) -> Condition {
        skipWhitespace()
        let condition = try parseOr()
        skipWhitespace()
        if index < characters.count {
            throw failure(expected: .continuation)
        }
        return condition
    }

    // MARK: Grammar rules

    private mutating func parseOr() throws(ConditionSyntaxError) -> Condition {
        var result = try parseAnd()
        while consumeKeyword("or") {
            result = .or(result, try parseAnd())
        }
        return result
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> Condition {
        var result = try parseEquality()
        while consumeKeyword("and") {
            result = .and(result, try parseEquality())
        }
        return result
    }

    private mutating func parseEquality() throws(ConditionSyntaxError) -> Condition {
        let lhs = try parseRelational()
        skipWhitespace()
        if consume("!=") { return .comparison(lhs, .notEqual, try parseRelational()) }
        if consume("=") { return .comparison(lhs, .equal, try parseRelational()) }
        return lhs
    }

    private mutating func parseRelational() throws(ConditionSyntaxError) -> Condition {
        let lhs = try parsePrimary()
        skipWhitespace()
        for comparison in [Condition.Comparison.lessOrEqual, .greaterOrEqual, .less, .greater] {
            if consume(comparison.rawValue) { return .comparison(lhs, comparison, try parsePrimary()) }
        }
        return lhs
    }

    private mutating func parsePrimary() throws(ConditionSyntaxError) -> Condition {
        skipWhitespace()
        guard let character = peek() else {
            throw failure(expected: .operand)
        }
        switch character {
        case "$":
            return try parseReference()
        case "'", "\"":
            return try parseString(quote: character)
        case "(":
            index += 1
            let inner = try parseOr()
            skipWhitespace()
            guard consume(")") else { throw failure(expected: .symbol(")")) }
            return inner
        case "-":
            if let next = peek(offset: 1), next.isASCIIDigit || next == "." {
                index += 1
                return try parseNumber(negative: true)
            }
        case ".":
            if let next = peek(offset: 1), next.isASCIIDigit {
                return try parseNumber(negative: false)
            }
            index += 1
            return .currentValue
        default:
            if character.isASCIIDigit { return try parseNumber(negative: false) }
            if character.isASCIILetter { return try parseFunction() }
        }
        throw failure(expected: .operand)
    }

    private mutating func parseReference() throws(ConditionSyntaxError) -> Condition {
        guard consume("${") else { throw failure(expected: .symbol("${")) }
        let start = index
        while let character = peek(), character.isASCIILetter || character.isASCIIDigit || character == "_" {
            index += 1
        }
        guard index > start else { throw failure(expected: .questionName) }
        let name = String(characters[start..<index])
        guard consume("}") else { throw failure(expected: .symbol("}")) }
        return .reference(name)
    }

    private mutating func parseString(quote: Character) throws(ConditionSyntaxError) -> Condition {
        let opening = index
        index += 1
        let start = index
        while let character = peek(), character != quote { index += 1 }
        guard index < characters.count else {
            index = opening
            throw ConditionSyntaxError(text: text, position: opening + 1, expectation: .closingQuote(String(quote)), token: nil)
        }
        let value = String(characters[start..<index])
        index += 1
        return .string(value)
    }

    private mutating func parseNumber(negative: Bool) throws(ConditionSyntaxError) -> Condition {
        let start = index
        while let character = peek(), character.isASCIIDigit { index += 1 }
        if peek() == ".", let next = peek(offset: 1), next.isASCIIDigit {
            index += 1
            while let character = peek(), character.isASCIIDigit { index += 1 }
        }
        guard index > start, let value = Double(String(characters[start..<index])) else {
            throw failure(expected: .number)
        }
        return .number(negative ? -value : value)
    }

    private mutating func parseFunction() throws(ConditionSyntaxError) -> Condition {
        let start = index
        while let character = peek(), character.isASCIILetter || character.isASCIIDigit || character == "-" || character == "_" {
            index += 1
        }
        let name = String(characters[start..<index])
        let arity: Int
        switch name {
        case "not", "count-selected", "string-length": arity = 1
        case "selected": arity = 2
        case "true", "false": arity = 0
        default:
            index = start
            throw failure(expected: .function)
        }
        skipWhitespace()
        guard consume("(") else { throw failure(expected: .openingParenthesis(after: name)) }
        var arguments: [Condition] = []
        skipWhitespace()
        if arity > 0 {
            arguments.append(try parseOr())
            while arguments.count < arity {
                skipWhitespace()
                guard consume(",") else { throw failure(expected: .anotherArgument(to: name)) }
                arguments.append(try parseOr())
            }
        }
        skipWhitespace()
        guard consume(")") else {
            throw failure(expected: arity == 0 ? .noArguments(name) : .closingParenthesis(after: name))
        }
        switch name {
        case "not": return .not(arguments[0])
        case "count-selected": return .countSelected(arguments[0])
        case "string-length": return .stringLength(arguments[0])
        case "selected": return .selected(arguments[0], arguments[1])
        case "true": return .boolean(true)
        default: return .boolean(false)
        }
    }

    // MARK: Scanning

    private func peek(offset: Int = 0) -> Character? {
        let position = index + offset
        return position < characters.count ? characters[position] : nil
    }

    private mutating func skipWhitespace() {
        while let character = peek(), character.isWhitespace { index += 1 }
    }

    private mutating func consume(_ literal: String) -> Bool {
        let expected = Array(literal)
        guard index + expected.count <= characters.count,
            Array(characters[index..<index + expected.count]) == expected
        else { return false }
        index += expected.count
        return true
    }

    /// Consumes `keyword` when it stands alone (not as the start of a longer word).
    private mutating func consumeKeyword(_ keyword: String) -> Bool {
        skipWhitespace()
        let saved = index
        guard consume(keyword) else { return false }
        if let next = peek(), next.isASCIILetter || next.isASCIIDigit || next == "-" || next == "_" {
            index = saved
            return false
        }
        return true
    }

    private func failure(expected: ConditionSyntaxError.Expectation) -> ConditionSyntaxError {
        ConditionSyntaxError(text: text, position: index + 1, expectation: expected, token: foundToken())
    }

    private func foundToken() -> String? {
        guard index < characters.count else { return nil }
        var end = index
        let first = characters[index]
        if first.isASCIILetter || first.isASCIIDigit {
            while end < characters.count,
                characters[end].isASCIILetter || characters[end].isASCIIDigit || characters[end] == "-"
                    || characters[end] == "_"
            {
                end += 1
            }
        } else {
            end += 1
            if end < characters.count, "=<>!{".contains(characters[end]), "=<>!$".contains(first) { end += 1 }
        }
        return String(characters[index..<end])
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}
