/// The machine-readable code and the human-readable message of an error.
public struct ErrorDetail: Codable, Hashable, Sendable, Error {
    /// A stable code, e.g. `validationFailed`; see ``ErrorCode``.
    public var code: String
    /// What was wrong and what to do, in words a participant understands.
    public var message: String
    /// For `validationFailed`: the problems per question; omitted otherwise.
    public var issues: [ValidationIssue]?

    /// Creates an error detail.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// Creates an error detail from a known code.
    public init(_ code: ErrorCode, _ message: String) {
        self.init(code: code.rawValue, message: message)
    }

    /// Creates an error detail that lists validation issues per question.
    public init(_ code: ErrorCode, _ message: String, issues: [ValidationIssue]) {
        self.init(code: code.rawValue, message: message)
        self.issues = issues
    }
}
