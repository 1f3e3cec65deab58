import Foundation
import SyncModel

/// How an interview ended.
struct InterviewResult: Hashable, Sendable, Codable {
    /// The response id, nil when nothing was answered.
    var id: UUID?
    /// The response's status at the end.
    var status: ResponseStatus?
    /// Whether the interviewer quit before the last question.
    var quit: Bool
}
