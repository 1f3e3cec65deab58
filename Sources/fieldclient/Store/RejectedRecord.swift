import Foundation

/// A record the server refused, and why.
struct RejectedRecord: Hashable, Sendable, Codable {
    /// The record id.
    var id: UUID
    /// The server's message.
    var message: String
}
