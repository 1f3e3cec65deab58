import Foundation

/// Notes a test leaves for the reader of the run (seeds to replay, figures), written to standard
/// error so that no test prints to standard output.
enum TestNote {
    /// Writes `text` and a line break to standard error.
    static func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
