/// A benchmark step that could not run; the message says which and why.
struct BenchFailure: Error, CustomStringConvertible {
    /// The message.
    var description: String

    /// Creates a failure.
    init(_ description: String) { self.description = description }
}
