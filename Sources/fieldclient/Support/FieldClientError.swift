/// A failure with a message for the user and the exit status it maps to.
struct FieldClientError: Error, Sendable, CustomStringConvertible {
    /// The exit status.
    var status: ExitStatus
    /// What went wrong and what to do, in one or a few lines.
    var message: String

    /// Creates an error.
    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The message.
    var description: String { message }
}
