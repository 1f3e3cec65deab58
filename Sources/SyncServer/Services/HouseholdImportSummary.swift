/// What `households import` did.
struct HouseholdImportSummary: Codable, Hashable, Sendable {
    /// The cohort.
    var cohort: String
    /// Doors that were new.
    var created: Int
    /// Doors whose street, number, postcode or note changed.
    var updated: Int
    /// Doors that were already up to date.
    var unchanged: Int
}
