extension AdministrationError {
    /// The one place where the refusals are worded (and can be translated): what was wrong and
    /// what to do.
    var message: String {
        switch self {
        case .invalidName(let what, let given):
            "The \(what) must be 1 to 100 printable characters, e.g. 'Ayşe K.'; got '\(given.prefix(40))'."
        case .unknownCohort(let cohort):
            "Cohort '\(cohort.prefix(60))' does not exist. Create it with 'syncserver cohort create'."
        case .invalidSurvey(let text), .invalidDoorList(let text):
            text
        case .unknownRecord(let id, let cohort):
            "Cohort '\(cohort.prefix(60))' holds no record '\(id.prefix(40))'. Copy the full id from "
                + "'fieldclient list' or the export (the id column) and try again."
        case .doorIDTaken(let doorID, let cohort):
            "The door id '\(doorID.prefix(60))' is already used by a record of another cohort or "
                + "collection; nothing of this chunk was imported. Give the doors of cohort '\(cohort.prefix(60))' "
                + "their own ids (or ids that are not UUIDs, which are made unique per cohort)."
        }
    }
}
