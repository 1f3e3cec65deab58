import Foundation
import SyncModel

/// The rules of the storage boundary that do not depend on the database, written once for every
/// backend: existence checks and their messages, the schema-version guard and the epoch rule.
///
/// A backend runs the statements; whenever it learns a fact (a cohort is missing, the schema is
/// newer, an epoch is retired) it asks this type what follows from it.
enum StoreRules {
    /// The error for an operation on a cohort that does not exist.
    static func missingCohort(_ name: String) -> StoreError {
        .notFound("Cohort '\(name)' does not exist.")
    }

    /// Throws ``missingCohort(_:)`` unless the cohort `name` was found.
    static func requireCohort(_ name: String, found: Bool) throws(StoreError) {
        guard found else { throw missingCohort(name) }
    }

    /// The error for creating a cohort that exists, worded as ``AdministrationError/cohortExists(_:)`` is.
    static func cohortExists(_ name: String) -> StoreError {
        .conflict(MessageCatalog.english.text("refusal.cohortExists", ["cohort": name]))
    }

    /// The error for a database without the rows every syncserver database has (`what`: the epoch,
    /// the feed counter).
    static func notASyncserverDatabase(lacking what: String = "epoch") -> StoreError {
        .notFound("The database has no \(what); it is not a syncserver database.")
    }

    /// The epoch read from the database, or ``notASyncserverDatabase(lacking:)`` when there is none.
    static func requireEpoch(_ epoch: String?) throws(StoreError) -> String {
        guard let epoch else { throw notASyncserverDatabase() }
        return epoch
    }

    /// The server replica read from the database, or an error when there is none.
    static func requireServerReplica(_ text: String?) throws(StoreError) -> ReplicaID {
        guard let text, let replica = ReplicaID(text) else {
            throw .notFound("The database has no server replica id.")
        }
        return replica
    }

    /// Whether a push made under `requestEpoch` relays writes of a retired epoch: only when the
    /// client named an epoch, it is not the current one, and the database lists it as retired.
    static func isRetired(requestEpoch: String?, current: String, listed: Bool) -> Bool {
        requestEpoch != nil && requestEpoch != current && listed
    }

    /// The error for enrolling with a replica id another device has.
    static func replicaTaken(_ replica: ReplicaID) -> StoreError {
        .conflict("The replica id \(replica) belongs to another device. Make a new replica id and enroll again.")
    }

    /// The error for publishing a survey version that is published already, worded as
    /// ``AdministrationError/surveyPublished(survey:version:cohort:)`` is.
    static func surveyPublished(_ survey: PublishedSurvey) -> StoreError {
        .conflict(
            MessageCatalog.english.text(
                "refusal.surveyPublished",
                ["survey": survey.definition.id, "version": String(survey.definition.version), "cohort": survey.cohort]))
    }

    /// Refuses a database whose schema is newer than the newest migration this build knows, so
    /// that an older server never writes into a newer layout. A server or admin command meets it
    /// while it opens its database, so the message is in the operator's language.
    static func refuseNewerSchema(_ version: Int, at location: String) throws(StoreError) {
        let newest = StoreSchema.newestVersion
        guard version > newest else { return }
        throw .unavailable(
            AdminTexts.text(
                "admin.db.newerSchema", ["location": location, "version": String(version), "newest": String(newest)]))
    }

    /// The error for a stored state that does not decode while `syncserver migrate` reads it, in
    /// the operator's language.
    static func unreadableState(at sequence: Int64, _ error: any Error) -> StoreError {
        .conflict(AdminTexts.text("admin.migrate.unreadableState", ["sequence": String(sequence), "detail": "\(error)"]))
    }

    /// Refuses to import into a database that holds anything: `used` names the tables with rows
    /// and how many, `location` the database. Only `syncserver migrate` imports, so the message is
    /// in the operator's language.
    static func requireEmpty(_ used: [(table: String, rows: Int64)], at location: String) throws(StoreError) {
        guard !used.isEmpty else { return }
        let contents = used.map { "\($0.rows) \($0.table)" }.joined(separator: ", ")
        throw .conflict(AdminTexts.text("admin.migrate.notEmpty", ["location": location, "contents": contents]))
    }
}
