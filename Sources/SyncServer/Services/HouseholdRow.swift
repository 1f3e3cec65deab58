/// One door of a household CSV file.
struct HouseholdRow: Hashable, Sendable {
    /// The stable id of the door as given in the file.
    var id: String
    /// The street.
    var street: String
    /// The house number, e.g. `12a`.
    var houseNumber: String
    /// The postcode.
    var postcode: String
    /// An optional note, e.g. `Hinterhaus`.
    var note: String?
}
