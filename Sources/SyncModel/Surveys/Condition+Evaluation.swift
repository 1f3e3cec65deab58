import Foundation

extension Condition {
    /// Evaluates the condition against answers, with `current` as the value of `.`.
    ///
    /// Semantics follow ODK/XPath 1.0: an unanswered or `null` answer is the empty string `''`
    /// (so `${q} = ''` holds when `q` is unanswered); when one side of `=`/`!=` is a number the
    /// other side is read as a number, and a value that is not a number (such as `''`) is equal to
    /// nothing, so `=` is false and `!=` is true; `<`, `<=`, `>`, `>=` are false unless both sides
    /// are numbers, except that two non-numeric, non-empty strings (such as ISO dates) compare in
    /// text order. A `select_multiple` answer is its choice names joined by spaces.
    public func evaluate(answers: [String: FieldValue], current: FieldValue? = nil) -> Bool {
        value(answers: answers, current: current).truth
    }

    private func value(answers: [String: FieldValue], current: FieldValue?) -> Operand {
        switch self {
        case .currentValue: return Operand(current)
        case .reference(let name): return Operand(answers[name])
        case .string(let value): return .string(value)
        case .number(let value): return .number(value)
        case .boolean(let value): return .boolean(value)
        case .and(let lhs, let rhs):
            return .boolean(lhs.evaluate(answers: answers, current: current) && rhs.evaluate(answers: answers, current: current))
        case .or(let lhs, let rhs):
            return .boolean(lhs.evaluate(answers: answers, current: current) || rhs.evaluate(answers: answers, current: current))
        case .not(let operand):
            return .boolean(!operand.evaluate(answers: answers, current: current))
        case .comparison(let lhs, let comparison, let rhs):
            return .boolean(
                Operand.compare(
                    lhs.value(answers: answers, current: current), comparison,
                    rhs.value(answers: answers, current: current)))
        case .selected(let list, let choice):
            let selection = list.value(answers: answers, current: current).selection
            let wanted = choice.value(answers: answers, current: current).text.trimmingSpaces()
            return .boolean(selection.contains(wanted))
        case .countSelected(let list):
            return .number(Double(list.value(answers: answers, current: current).selection.count))
        case .stringLength(let operand):
            return .number(Double(operand.value(answers: answers, current: current).text.count))
        }
    }
}

/// An intermediate value while evaluating a condition.
private enum Operand {
    case string(String)
    case number(Double)
    case boolean(Bool)
    case selection([String])

    init(_ value: FieldValue?) {
        switch value {
        case nil, .null?: self = .string("")
        case .bool(let flag)?: self = .boolean(flag)
        case .integer(let number)?: self = .number(Double(number))
        case .decimal(let number)?: self = .number(number)
        case .string(let text)?: self = .string(text)
        case .array(let items)?: self = .selection(items.map { Operand($0).text })
        case .object(let members)?:
            // A geopoint reads as ODK writes it: "latitude longitude altitude accuracy".
            let parts = ["latitude", "longitude", "altitude", "accuracy"].compactMap { members[$0] }
            self = .string(parts.map { Operand($0).text }.joined(separator: " "))
        }
    }

    var text: String {
        switch self {
        case .string(let value): return value
        case .number(let value): return Operand.format(value)
        case .boolean(let value): return value ? "true" : "false"
        case .selection(let names): return names.joined(separator: " ")
        }
    }

    var number: Double {
        switch self {
        case .number(let value): return value
        case .boolean(let value): return value ? 1 : 0
        case .string, .selection:
            let trimmed = text.trimmingSpaces()
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
                let value = Double(trimmed)
            else { return .nan }
            return value
        }
    }

    var truth: Bool {
        switch self {
        case .boolean(let value): return value
        case .number(let value): return value != 0 && !value.isNaN
        case .string(let value): return !value.isEmpty
        case .selection(let names): return !names.isEmpty
        }
    }

    var selection: [String] {
        if case .selection(let names) = self { return names }
        return text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    var isNumber: Bool {
        if case .number = self { return true }
        return false
    }

    var isBoolean: Bool {
        if case .boolean = self { return true }
        return false
    }

    static func compare(_ lhs: Operand, _ comparison: Condition.Comparison, _ rhs: Operand) -> Bool {
        switch comparison {
        case .equal: return equals(lhs, rhs)
        case .notEqual: return !equals(lhs, rhs)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let left = lhs.number
            let right = rhs.number
            if !left.isNaN && !right.isNaN {
                return order(left, comparison, right)
            }
            let leftText = lhs.text
            let rightText = rhs.text
            guard !lhs.isNumber, !rhs.isNumber, left.isNaN, right.isNaN, !leftText.isEmpty, !rightText.isEmpty else {
                return false
            }
            return order(leftText, comparison, rightText)
        }
    }

    private static func equals(_ lhs: Operand, _ rhs: Operand) -> Bool {
        if lhs.isBoolean || rhs.isBoolean { return lhs.truth == rhs.truth }
        if lhs.isNumber || rhs.isNumber {
            let left = lhs.number
            let right = rhs.number
            return !left.isNaN && !right.isNaN && left == right
        }
        return lhs.text == rhs.text
    }

    private static func order<T: Comparable>(_ lhs: T, _ comparison: Condition.Comparison, _ rhs: T) -> Bool {
        switch comparison {
        case .less: return lhs < rhs
        case .lessOrEqual: return lhs <= rhs
        case .greater: return lhs > rhs
        case .greaterOrEqual: return lhs >= rhs
        case .equal: return lhs == rhs
        case .notEqual: return lhs != rhs
        }
    }

    private static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
