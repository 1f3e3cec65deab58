import Foundation

/// Finds English in output meant for German readers: a line is English when, after removing
/// what is not language (quoted commands, `fieldclient …` commands, options, `<placeholders>`,
/// paths, URLs, and anything with a digit in it: ids, numbers, times), it still has a common English word.
enum EnglishText {
    /// Common English words of the client's messages that are not German words.
    static let words: Set<String> = [
        "the", "this", "that", "is", "are", "were", "has", "have", "not", "please", "your", "you", "with",
        "and", "of", "to", "from", "be", "yet", "run", "type", "question", "answer", "answers", "device", "record",
        "records", "changes", "synced", "unsynced", "conflict", "conflicts", "draft", "drafts", "final", "household",
        "households", "survey", "surveys", "visit", "recorded", "deleted", "never", "unknown", "error", "usage",
        "missing", "options", "arguments", "overview", "subcommands", "help", "information", "joined", "received",
        "uploaded", "response", "responses", "cohort", "participant", "trainer", "last", "done", "stopped", "kept",
        "required", "skip", "back", "quit", "for", "at", "or", "by", "see", "show", "default", "current",
        "street", "doors", "reached", "safe", "cannot", "again", "resolve", "value", "values", "concurrent",
        "interviewed", "refused", "home", "later", "yes", "no", "started", "owner", "status", "address",
        "new", "retired", "epoch", "needs", "file", "expects", "whole", "number", "such", "but", "got", "locations",
        "latitude", "longitude", "answered", "skipped", "replica", "questions", "store", "plain", "encrypt", "encrypted",
        "encryption", "locked", "unlocked",
    ]

    /// The lines of `text` that read as English.
    static func lines(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(String.init).filter { line in
            !words.isDisjoint(with: Self.words(of: line))
        }
    }

    /// The lower-cased words of `line` that are language, not commands (also a command name
    /// heading a line of the help's list, or the rest of a quoted command the help wrapped),
    /// options, names or ids.
    static func words(of line: String) -> Set<String> {
        var text = line
        for pattern in [
            #"^\s+[a-z-]+(?=\s{2,})"#, #"'[^']*'"#, #""[^"]*""#, #"`[^`]*`"#, #"\S*'\S*"#, #"fieldclient( [a-z-]+)?"#,
            #"--[a-z-]+"#, #"<[^>]*>"#,
            #"\S*/\S*"#, #"\S*[_@]\S*"#, #"\S*\d\S*"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let tokens = text.split { !$0.isLetter }.map { $0.lowercased() }
        return Set(tokens)
    }
}
