/// One door of an imported door list.
struct HouseholdRow: Hashable, Sendable {
    /// The stable id of the door: as given in the file, or a UUID derived from cohort and address.
    var id: String
    /// Whether the file gave the id; a door without one is matched to a stored door by its address.
    var idGiven = true
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

    /// The address, normalised as doors are compared.
    var address: HouseholdAddress { HouseholdAddress(street: street, houseNumber: houseNumber, postcode: postcode) }
}
