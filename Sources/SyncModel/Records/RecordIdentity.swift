import Foundation

/// The parts of a record that never change after creation.
public struct RecordIdentity: Hashable, Sendable {
    /// The record id.
    public var id: UUID
    /// The collection.
    public var collection: String
    /// The cohort.
    public var cohort: String
    /// The survey id, for responses.
    public var survey: String?
    /// The survey version, for responses.
    public var surveyVersion: Int?
    /// The creating participant.
    public var owner: String
}
