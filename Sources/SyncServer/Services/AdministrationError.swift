import SyncModel

/// What the administrative services refuse, in the domain's terms; the HTTP layer
/// (`APIError(mapping:)`) and the admin commands turn it into a status and a message
/// (``message(in:)``, in the reader's language).
enum AdministrationError: Error, Equatable, Sendable {
    /// Whose name a refused name was meant to be.
    enum NameKind: String, Sendable {
        /// A cohort's name.
        case cohort
        /// A participant's name.
        case participant
        /// A trainer's name.
        case trainer
        /// A device's name.
        case device
    }

    /// A cohort, participant, trainer or device name is empty, too long or not printable.
    case invalidName(NameKind, given: String)
    /// The cohort does not exist.
    case unknownCohort(String)
    /// A cohort with this name exists already.
    case cohortExists(String)
    /// This version of the survey is published in the cohort already; published versions never change.
    case surveyPublished(survey: String, version: Int, cohort: String)
    /// The survey file does not parse; the error says where and why.
    case invalidSurvey(SurveyError)
    /// The door list cannot be imported; the error lists its problems.
    case invalidDoorList(HouseholdFileError)
    /// A door's id belongs to a record of another cohort or collection.
    case doorIDTaken(doorID: String, cohort: String)
    /// An operator's dashboard link names nobody the cohort knows: no device and no enrollment code was made for
    /// that name; `trainers` are the names the cohort knows as trainers.
    case unknownPerson(name: String, cohort: String, trainers: [String])
    /// The cohort holds no record with this id.
    case unknownRecord(id: String, cohort: String)
}
