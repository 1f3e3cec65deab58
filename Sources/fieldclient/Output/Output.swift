import Foundation

/// Prints results: text for people, or stable JSON (sorted keys) with `--json`.
struct Output: Sendable {
    /// Whether to print JSON.
    let json: Bool

    /// Prints a line of text to standard output.
    func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints `lines` to standard output, one line each, written in chunks of about 64 KiB rather
    /// than joined into one text first.
    func lines<Lines: Sequence<String>>(_ lines: Lines) {
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 16)
        for text in lines {
            chunk.append(contentsOf: text.utf8)
            chunk.append(0x0A)
            if chunk.count >= 1 << 16 {
                FileHandle.standardOutput.write(Data(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty { FileHandle.standardOutput.write(Data(chunk)) }
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
