/// What the administrative services refuse, in the domain's terms; the HTTP layer
/// (`APIError(mapping:)`) and the admin commands turn it into a status and ``message``.
enum AdministrationError: Error, Equatable, Sendable {
    /// A cohort, participant, trainer or device name (`what`) is empty, too long or not printable.
    case invalidName(what: String, given: String)
    /// The cohort does not exist.
    case unknownCohort(String)
    /// The survey file does not parse; the text says where and why.
    case invalidSurvey(String)
    /// The door list does not parse; the text says which row and why.
    case invalidDoorList(String)
    /// A door's id belongs to a record of another cohort or collection.
    case doorIDTaken(doorID: String, cohort: String)
    /// The cohort holds no record with this id.
    case unknownRecord(id: String, cohort: String)
}
