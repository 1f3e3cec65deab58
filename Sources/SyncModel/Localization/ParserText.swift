import Foundation

/// swift-argument-parser's own words (help headings, parse errors) in the user's language: the
/// library writes them in English, so `fieldclient` and `syncserver` translate them after rendering.
public enum ParserText {
    /// Help headings and fixed phrases, replaced in rendered help, by catalog key.
    public static let phrases: [(english: String, key: String)] = [
        ("OVERVIEW:", "parser.overview"), ("USAGE:", "parser.usage"), ("ARGUMENTS:", "parser.arguments"),
        ("OPTIONS:", "parser.options"), ("SUBCOMMANDS:", "parser.subcommands"),
        ("Show help information.", "parser.showHelp"), ("(default:", "parser.defaultValue"),
        ("<subcommand>", "parser.subcommandPlaceholder"), ("<options>", "parser.optionsPlaceholder"),
    ]

    /// Parse errors, by pattern with one or two captured parts, by catalog key.
    public static let errors: [(pattern: String, key: String)] = [
        (#"^Missing expected argument '(.*)'$"#, "parser.missingArgument"),
        (#"^Unknown option '(.*)'\. Did you mean '(.*)'\?$"#, "parser.unknownOptionSuggestion"),
        (#"^Unknown option '(.*)'$"#, "parser.unknownOption"),
        (#"^Unexpected argument '(.*)'$"#, "parser.unexpectedArgument"),
        (#"^(\d+) unexpected arguments: (.*)$"#, "parser.unexpectedArguments"),
        (#"^Missing value for '(.*)'$"#, "parser.missingValue"),
        (#"^The value '(.*)' is invalid for '(.*)'$"#, "parser.invalidValue"),
        (#"^Missing required subcommand\.$"#, "parser.missingSubcommand"),
    ]

    /// `help` with its headings and fixed phrases in the language of `catalog`.
    public static func help(_ help: String, catalog: MessageCatalog) -> String {
        func texts(_ key: String, _ arguments: [String: String] = [:]) -> String { catalog.text(key, arguments) }
        var result = help
        if let expression = try? NSRegularExpression(pattern: #"See '([^']*) <subcommand>' for detailed help\."#) {
            let range = NSRange(result.startIndex..., in: result)
            for match in expression.matches(in: result, range: range).reversed() {
                guard let whole = Range(match.range, in: result), let command = Range(match.range(at: 1), in: result) else { continue }
                result.replaceSubrange(whole, with: texts("parser.detailedHelp", ["command": String(result[command])]))
            }
        }
        for (english, key) in phrases { result = result.replacingOccurrences(of: english, with: texts(key)) }
        return result
    }

    /// A parse error message in the language of `catalog`; messages the commands wrote are already translated.
    public static func error(_ message: String, catalog: MessageCatalog) -> String {
        func texts(_ key: String, _ arguments: [String: String] = [:]) -> String { catalog.text(key, arguments) }
        for (pattern, key) in errors {
            guard let expression = try? NSRegularExpression(pattern: pattern),
                let match = expression.firstMatch(in: message, range: NSRange(message.startIndex..., in: message))
            else { continue }
            var arguments: [String: String] = [:]
            for group in 1..<match.numberOfRanges {
                if let range = Range(match.range(at: group), in: message) { arguments["p\(group)"] = String(message[range]) }
            }
            return texts(key, arguments)
        }
        return message
    }
}
