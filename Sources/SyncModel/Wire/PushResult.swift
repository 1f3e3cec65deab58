import Foundation

/// What the server did with one pushed record.
public struct PushResult: Codable, Hashable, Sendable {
    /// Whether a record was accepted.
    public enum Status: String, Codable, Hashable, Sendable {
        /// Merged and durably stored (or already known).
        case accepted
        /// Refused; nothing of it was stored. The rest of the batch is unaffected.
        case rejected
    }

    /// The record id.
    public var id: UUID
    /// Accepted or rejected.
    public var status: Status
    /// For an accepted record: the merged state, when it differs from the state sent.
    public var record: Record?
    /// For a rejected record: why.
    public var error: ErrorDetail?

    /// Creates a result.
    public init(id: UUID, status: Status, record: Record? = nil, error: ErrorDetail? = nil) {
        self.id = id
        self.status = status
        self.record = record
        self.error = error
    }

    /// Makes an accepted result, carrying `merged` only when it differs from `sent`.
    public static func makeAccepted(sent: Record, merged: Record) -> PushResult {
        PushResult(id: sent.id, status: .accepted, record: merged == sent ? nil : merged)
    }

    /// Makes a rejected result.
    public static func makeRejected(id: UUID, _ error: ErrorDetail) -> PushResult {
        PushResult(id: id, status: .rejected, error: error)
    }
}
