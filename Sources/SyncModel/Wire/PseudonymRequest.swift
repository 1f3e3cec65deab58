/// `POST /v1/cohorts/{id}/pseudonyms`: the participant names whose export pseudonyms a trainer's device needs.
public struct PseudonymRequest: Codable, Hashable, Sendable {
    /// The most names one request may carry.
    public static let maximumNames = 10_000

    /// The names, as they appear as record owners.
    public var participants: [String]

    /// Creates a request.
    public init(participants: [String]) {
        self.participants = participants
    }
}
