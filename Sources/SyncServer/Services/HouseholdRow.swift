/// One door of an imported door list.
struct HouseholdRow: Hashable, Sendable {
    /// The stable id of the door: as given in the file, or a UUID derived from cohort and address.
    var id: String
    /// The street.
    var street: String
    /// The house number, e.g. `12a`.
    var houseNumber: String
    /// The postcode; empty when the list has none.
    var postcode: String
    /// An optional note, e.g. `Hinterhaus`.
    var note: String?
    /// The town or city, when the list has one.
    var city: String? = nil
}
