import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress bar on standard error, drawn only when it is a terminal and there is much to do.
final class TerminalProgressBar: SyncProgress, @unchecked Sendable {
    /// The smallest number of records worth a bar.
    static let threshold = 200

    private let lock = NSLock()
    private var drawn = false

    /// Whether standard error is a terminal.
    static var isAvailable: Bool { isatty(STDERR_FILENO) == 1 }

    /// Creates a bar.
    init() {}

    /// Draws the push bar.
    func pushed(_ done: Int, of total: Int) {
        guard total >= Self.threshold, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        draw(Texts.current("progress.upload", ["bar": bar, "done": String(done), "total": String(total)]))
    }

    /// Draws the pull counter.
    func pulled(_ count: Int) {
        guard count >= Self.threshold else { return }
        draw(Texts.current("progress.download", ["count": String(count)]))
    }

    /// Clears the line.
    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            drawn = false
        }
    }

    private func draw(_ line: String) {
        lock.withLock {
            drawn = true
            FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        }
    }
}
