/// A failure with a message.
struct TestFailure: Error, CustomStringConvertible {
    /// What failed.
    let description: String

    /// Creates a failure.
    init(_ description: String) {
        self.description = description
    }
}
