/// An admin command failed in a way the operator can fix; the message says how.
struct CommandFailure: Error, CustomStringConvertible {
    /// What went wrong and what to do.
    var message: String

    /// Creates a failure.
    init(_ message: String) {
        self.message = message
    }

    /// The message.
    var description: String { message }
}
