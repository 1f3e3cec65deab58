import SyncModel

extension AdministrationError {
    /// The one place where the refusals are worded: what was wrong and what to do, in the
    /// language of `catalog` (the operator's for the admin commands).
    func message(in catalog: MessageCatalog) -> String {
        switch self {
        case .invalidName(let kind, let given):
            catalog.text(
                "refusal.invalidName", ["what": catalog.text("refusal.name.\(kind.rawValue)"), "given": String(given.prefix(40))])
        case .unknownCohort(let cohort):
            catalog.text("refusal.unknownCohort", ["cohort": String(cohort.prefix(60))])
        case .cohortExists(let cohort):
            catalog.text("refusal.cohortExists", ["cohort": String(cohort.prefix(60))])
        case .surveyPublished(let survey, let version, let cohort):
            catalog.text(
                "refusal.surveyPublished",
                ["survey": String(survey.prefix(60)), "version": String(version), "cohort": String(cohort.prefix(60))])
        case .invalidSurvey(let error):
            error.message(in: catalog)
        case .invalidDoorList(let error):
            error.message(in: catalog)
        case .unknownRecord(let id, let cohort):
            catalog.text("refusal.unknownRecord", ["id": String(id.prefix(40)), "cohort": String(cohort.prefix(60))])
        case .unknownPerson(let name, let cohort, let trainers):
            catalog.text(
                "refusal.unknownPerson",
                [
                    "name": String(name.prefix(60)), "cohort": String(cohort.prefix(60)),
                    "known": trainers.isEmpty
                        ? catalog.text("refusal.noTrainers")
                        : catalog.text("refusal.knownTrainers", ["names": trainers.map { "'\($0.prefix(60))'" }.joined(separator: ", ")]),
                ])
        case .doorIDTaken(let doorID, let cohort):
            catalog.text("refusal.doorIDTaken", ["id": String(doorID.prefix(60)), "cohort": String(cohort.prefix(60))])
        }
    }

    /// The message in English, as the API answers.
    var message: String { message(in: .english) }
}
