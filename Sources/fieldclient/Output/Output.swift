import Foundation

/// Prints results: text for people, or stable JSON (sorted keys) with `--json`.
struct Output: Sendable {
    /// Whether to print JSON.
    let json: Bool

    /// Prints a line of text to standard output.
    func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints a message to standard error.
    func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints `value` as JSON when `--json` is set, else `text()`.
    func print<Value: Encodable>(_ value: Value, text: () -> String) throws {
        if json {
            line(try Self.encode(value))
        } else {
            let rendered = text()
            if !rendered.isEmpty { line(rendered) }
        }
    }

    /// The stable JSON form: pretty, sorted keys, slashes unescaped.
    static func encode<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
