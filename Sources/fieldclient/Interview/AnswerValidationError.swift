import SyncModel

/// Answers that fail the survey's checks; nothing was stored. The issues' messages are already
/// in the user's language (see ``IssueText``).
struct AnswerValidationError: Error, Sendable {
    /// The problems, one per question.
    var issues: [ValidationIssue]

    /// One line per issue, naming the question.
    var lines: [String] { issues.map { "  \($0.question): \($0.message)" } }
}
