/// What an enrolled device may do within its cohort.
public enum Role: String, Codable, Hashable, Sendable, CaseIterable {
    /// Collects responses; reads the cohort's surveys, shared collections and their own responses.
    case participant
    /// Reads and writes everything in the cohorts they train.
    case trainer
}
