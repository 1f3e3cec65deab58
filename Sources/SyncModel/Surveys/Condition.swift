import Foundation

/// A parsed XLSForm condition (a `relevant` or `constraint` expression) as a syntax tree.
///
/// Conditions are parsed once, when a survey is loaded, and then evaluated against answers
/// as often as needed. The supported syntax is the subset of XLSForm/XPath that surveys of
/// the course use: comparisons, `and`, `or`, `not(…)`, parentheses, string and number
/// literals, `${name}` references, `.` for the current value, and the functions
/// `selected`, `count-selected`, `string-length`, `true` and `false`.
public indirect enum Condition: Hashable, Sendable {
    /// `.`: the value of the question the condition belongs to.
    case currentValue
    /// `${name}`: the answer to another question.
    case reference(String)
    /// A quoted string literal.
    case string(String)
    /// A number literal.
    case number(Double)
    /// `true()` or `false()`.
    case boolean(Bool)
    /// A comparison such as `${age} >= 18`.
    case comparison(Condition, Comparison, Condition)
    /// Both operands hold.
    case and(Condition, Condition)
    /// At least one operand holds.
    case or(Condition, Condition)
    /// `not(…)`: the operand does not hold.
    case not(Condition)
    /// `selected(list, 'choice')`: the choice is among the selected ones.
    case selected(Condition, Condition)
    /// `count-selected(list)`: the number of selected choices.
    case countSelected(Condition)
    /// `string-length(…)`: the number of characters.
    case stringLength(Condition)

    /// Parses XLSForm condition text such as `${age} >= 18 and selected(${topics}, 'verkehr')`.
    public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
        var parser = ConditionParser(text)
        return try parser.parseCondition()
    }

    /// The names of the questions referenced with `${…}`, in order of first appearance.
    public var references: [String] {
        var names: [String] = []
        collectReferences(into: &names)
        return names
    }

    /// Whether the condition uses `.`, the current question's own value.
    public var usesCurrentValue: Bool {
        switch self {
        case .currentValue: return true
        case .reference, .string, .number, .boolean: return false
        case .comparison(let lhs, _, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs), .selected(let lhs, let rhs):
            return lhs.usesCurrentValue || rhs.usesCurrentValue
        case .not(let operand), .countSelected(let operand), .stringLength(let operand):
            return operand.usesCurrentValue
        }
    }

    private func collectReferences(into names: inout [String]) {
        switch self {
        case .reference(let name):
            if !names.contains(name) { names.append(name) }
        case .currentValue, .string, .number, .boolean:
            break
        case .comparison(let lhs, _, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs), .selected(let lhs, let rhs):
            lhs.collectReferences(into: &names)
            rhs.collectReferences(into: &names)
        case .not(let operand), .countSelected(let operand), .stringLength(let operand):
            operand.collectReferences(into: &names)
        }
    }
}
