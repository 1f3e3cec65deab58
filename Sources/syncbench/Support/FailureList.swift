import Foundation

/// Failure messages collected from work running on several threads.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    /// Adds a message.
    func append(_ message: String) { lock.withLock { messages.append(message) } }

    /// Every message so far.
    var all: [String] { lock.withLock { messages } }
}
