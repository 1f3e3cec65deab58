/// The JSON body of every error response: `{"error": {"code": "...", "message": "..."}}`.
public struct ErrorBody: Codable, Hashable, Sendable {
    /// The error.
    public var error: ErrorDetail

    /// Creates an error body.
    public init(error: ErrorDetail) {
        self.error = error
    }
}
