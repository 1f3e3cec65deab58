/// Where an interview reads what the interviewer types: a terminal, a pipe, or a script in tests.
protocol LineSource: AnyObject {
    /// The next line without its newline, or nil at the end of input.
    func nextLine() -> String?
}

/// Lines from standard input, terminal or pipe alike.
final class StandardInputLines: LineSource {
    /// Creates the reader.
    init() {}

    /// Reads one line from standard input.
    func nextLine() -> String? { readLine(strippingNewline: true) }
}

/// Lines from a fixed list, for tests.
final class ScriptedLines: LineSource {
    private var lines: [String]

    /// Creates a reader that returns `lines` in order, then nil.
    init(_ lines: [String]) { self.lines = lines }

    /// The next scripted line.
    func nextLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}
