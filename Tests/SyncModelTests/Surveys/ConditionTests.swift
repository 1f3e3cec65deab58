import Foundation
import SyncModel
import Testing

@Suite("Condition parsing")
struct ConditionParsingTests {
    @Test(arguments: [
        ("${a} = 'x'", Condition.comparison(.reference("a"), .equal, .string("x"))),
        ("${a}!=\"x\"", .comparison(.reference("a"), .notEqual, .string("x"))),
        ("${a} < 1", .comparison(.reference("a"), .less, .number(1))),
        ("${a} <= 1.5", .comparison(.reference("a"), .lessOrEqual, .number(1.5))),
        ("${a} > -2", .comparison(.reference("a"), .greater, .number(-2))),
        ("${a} >= .5", .comparison(.reference("a"), .greaterOrEqual, .number(0.5))),
        (
            ". >= 0 and . <= 120",
            .and(.comparison(.currentValue, .greaterOrEqual, .number(0)), .comparison(.currentValue, .lessOrEqual, .number(120)))
        ),
        (
            "${a} = 1 or ${b} = 2 and ${c} = 3",
            .or(
                .comparison(.reference("a"), .equal, .number(1)),
                .and(.comparison(.reference("b"), .equal, .number(2)), .comparison(.reference("c"), .equal, .number(3))))
        ),
        (
            "(${a} = 1 or ${b} = 2) and ${c} = 3",
            .and(
                .or(.comparison(.reference("a"), .equal, .number(1)), .comparison(.reference("b"), .equal, .number(2))),
                .comparison(.reference("c"), .equal, .number(3)))
        ),
        ("not(selected(${p}, 'x'))", .not(.selected(.reference("p"), .string("x")))),
        ("count-selected(${p}) >= 2", .comparison(.countSelected(.reference("p")), .greaterOrEqual, .number(2))),
        ("string-length(.) <= 200", .comparison(.stringLength(.currentValue), .lessOrEqual, .number(200))),
        ("${ort} = 'Mühlbach Straße'", .comparison(.reference("ort"), .equal, .string("Mühlbach Straße"))),
        ("true()", .boolean(true)),
        ("${order} = 1 and ${android} = 2", .and(
            .comparison(.reference("order"), .equal, .number(1)), .comparison(.reference("android"), .equal, .number(2)))),
    ])
    func parsesIntoTheExpectedTree(text: String, expected: Condition) throws {
        #expect(try Condition.parse(text) == expected)
    }

    @Test func listsReferencesInOrderOfFirstAppearance() throws {
        let condition = try Condition.parse("${b} = 1 or (selected(${a}, 'x') and ${b} > ${c})")
        #expect(condition.references == ["b", "a", "c"])
        #expect(!condition.usesCurrentValue)
        #expect(try Condition.parse("string-length(.) > ${a}").usesCurrentValue)
    }

    @Test(arguments: [
        ("${a} = ", 8, "a value", "end of condition"),
        ("(${a} = 1", 10, "')'", "end of condition"),
        ("${a = 1", 4, "'}'", "' '"),
        ("${} = 1", 3, "a question name", "'}'"),
        ("${a} = 'x", 8, "a closing '", "end of condition"),
        ("foo(${a})", 1, "one of the functions", "'foo'"),
        ("${a} = 1 ${b}", 10, "'and', 'or'", "'${'"),
        ("selected(${a})", 14, "',' and another argument", "')'"),
        ("${a} == 1", 7, "a value", "'='"),
        ("not ${a}", 5, "'(' after 'not'", "'${'"),
    ])
    func reportsPositionAndExpectation(text: String, position: Int, expected: String, found: String) {
        #expect {
            try Condition.parse(text)
        } throws: { error in
            guard let error = error as? ConditionSyntaxError else { return false }
            #expect(error.position == position)
            #expect(error.expected.contains(expected))
            #expect(error.found == found)
            #expect(error.message.hasPrefix("at position \(position): expected"))
            return true
        }
    }
}

/// One row of the evaluation table.
struct EvaluationCase: Sendable, CustomTestStringConvertible {
    let condition: String
    let answers: [String: FieldValue]
    var current: FieldValue? = nil
    let expected: Bool

    var testDescription: String { "\(condition) with \(answers) → \(expected)" }
}

@Suite("Condition evaluation")
struct ConditionEvaluationTests {
    static let cases: [EvaluationCase] = [
        // = and != on strings, numbers and unanswered values
        .init(condition: "${a} = 'x'", answers: ["a": "x"], expected: true),
        .init(condition: "${a} = 'x'", answers: ["a": "y"], expected: false),
        .init(condition: "${a} != 'x'", answers: ["a": "y"], expected: true),
        .init(condition: "${a} = ''", answers: [:], expected: true),
        .init(condition: "${a} = ''", answers: ["a": .null], expected: true),
        .init(condition: "${a} = ''", answers: ["a": 3], expected: false),
        .init(condition: "${a} != ''", answers: ["a": "x"], expected: true),
        .init(condition: "${a} = 3", answers: ["a": 3], expected: true),
        .init(condition: "${a} = 3", answers: ["a": 3.0], expected: true),
        .init(condition: "${a} = 3", answers: [:], expected: false),
        .init(condition: "${a} != 3", answers: [:], expected: true),
        .init(condition: "${a} = '3'", answers: ["a": 3], expected: true),
        // ordering comparisons
        .init(condition: "${a} < 18", answers: ["a": 17], expected: true),
        .init(condition: "${a} < 18", answers: ["a": 18], expected: false),
        .init(condition: "${a} <= 18", answers: ["a": 18], expected: true),
        .init(condition: "${a} > 1", answers: ["a": 2.5], expected: true),
        .init(condition: "${a} >= 2.5", answers: ["a": 2.5], expected: true),
        .init(condition: "${a} > 1", answers: [:], expected: false),
        .init(condition: "${a} < 1", answers: [:], expected: false),
        .init(condition: "${a} <= 1", answers: ["a": "abc"], expected: false),
        .init(condition: "${d} < '2026-12-01'", answers: ["d": "2026-11-25"], expected: true),
        .init(condition: "${d} > '2026-12-01'", answers: ["d": "2026-11-25"], expected: false),
        // and / or / not and precedence
        .init(condition: "${a} = 1 and ${b} = 2", answers: ["a": 1, "b": 2], expected: true),
        .init(condition: "${a} = 1 and ${b} = 2", answers: ["a": 1, "b": 3], expected: false),
        .init(condition: "${a} = 1 or ${b} = 2", answers: ["a": 0, "b": 2], expected: true),
        .init(condition: "${a} = 1 or ${b} = 2", answers: ["a": 0, "b": 0], expected: false),
        .init(condition: "${a} = 1 or ${b} = 2 and ${c} = 3", answers: ["a": 1, "b": 0, "c": 0], expected: true),
        .init(condition: "(${a} = 1 or ${b} = 2) and ${c} = 3", answers: ["a": 1, "b": 0, "c": 0], expected: false),
        .init(condition: "not(${a} = 1)", answers: ["a": 1], expected: false),
        .init(condition: "not(${a} = 1)", answers: [:], expected: true),
        // selected / count-selected
        .init(condition: "selected(${p}, 'muell')", answers: ["p": ["verkehr", "muell"]], expected: true),
        .init(condition: "selected(${p}, 'mieten')", answers: ["p": ["verkehr", "muell"]], expected: false),
        .init(condition: "selected(${p}, 'muell')", answers: [:], expected: false),
        .init(condition: "selected(${p}, 'ja')", answers: ["p": "ja"], expected: true),
        .init(condition: "count-selected(${p}) = 2", answers: ["p": ["verkehr", "muell"]], expected: true),
        .init(condition: "count-selected(${p}) = 0", answers: [:], expected: true),
        // strings with umlauts, double quotes, string-length and the current value
        .init(condition: "${s} = 'Größte Sorge'", answers: ["s": "Größte Sorge"], expected: true),
        .init(condition: "${s} = \"Straße\"", answers: ["s": "Strasse"], expected: false),
        .init(condition: "string-length(.) <= 5", answers: [:], current: "Müßig", expected: true),
        .init(condition: "string-length(.) <= 4", answers: [:], current: "Müßig", expected: false),
        .init(condition: ". >= 0 and . <= 120", answers: [:], current: 120, expected: true),
        .init(condition: ". >= 0 and . <= 120", answers: [:], current: 121, expected: false),
        .init(condition: ". < ${h}", answers: ["h": 3], current: 2, expected: true),
        .init(condition: ". < ${h}", answers: ["h": 3], current: 3, expected: false),
        .init(condition: "true()", answers: [:], expected: true),
        .init(condition: "false() or ${a} = 'x'", answers: ["a": "x"], expected: true),
    ]

    @Test(arguments: cases)
    func evaluatesLikeODK(_ row: EvaluationCase) throws {
        let condition = try Condition.parse(row.condition)
        #expect(condition.evaluate(answers: row.answers, current: row.current) == row.expected)
    }
}
