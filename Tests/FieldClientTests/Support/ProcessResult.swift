/// What a finished process left: its exit status and output.
struct ProcessResult: Sendable {
    /// The exit status.
    var status: Int32
    /// Standard output.
    var stdout: String
    /// Standard error.
    var stderr: String
}
