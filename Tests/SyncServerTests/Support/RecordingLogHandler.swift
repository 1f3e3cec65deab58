import Foundation
import Logging
import Synchronization

/// Keeps every log line (message and metadata) in memory, so that tests can check what is logged.
struct RecordingLogHandler: LogHandler {
    /// The lines, shared by every copy of the handler.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        /// Creates an empty recording.
        init() {}
        /// Every line so far.
        var all: [String] { lines.withLock { $0 } }
        /// Adds a line.
        func append(_ line: String) { lines.withLock { $0.append(line) } }
    }

    /// Where the lines go.
    let lines: Lines
    /// Metadata of this handler.
    var metadata: Logger.Metadata = [:]
    /// Everything from trace up.
    var logLevel: Logger.Level = .trace

    /// A logger that records into `lines`.
    static func logger(into lines: Lines) -> Logger {
        Logger(label: "test") { _ in RecordingLogHandler(lines: lines) }
    }

    /// Metadata by key.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Records one line.
    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = all.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        lines.append("\(event.level) \(event.message) \(fields)")
    }
}
