/// Why a workbook could not be written.
public struct XLSXWriterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public let message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
