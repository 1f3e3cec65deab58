import Foundation
import SyncModel

/// Everything the routes and admin commands need from storage, free of any SQL dialect.
///
/// `SQLiteRecordStore` implements it on one SQLite file, `PostgresRecordStore` on a PostgreSQL
/// database shared by several instances; `RecordStoreFactory` opens either from `--db`. Every method is atomic; see docs/PROTOCOL.md for the
/// change-feed invariant that every implementation must keep.
protocol RecordStore: Sendable {
    /// Where this store's erasures are journaled so that a restore does not undo them
    /// (`ErasureJournal`); nil for an in-memory store or PostgreSQL without `--erasure-journal`.
    var erasureJournal: ErasureJournal? { get }

    /// The current epoch: a random id that changes whenever the database is replaced or restored.
    func epoch() async throws -> String
    /// The epochs this database retired, newest first.
    func retiredEpochs() async throws -> [RetiredEpoch]
    /// Retires the current epoch and makes `newEpoch` current; returns the retired one.
    func rotateEpoch(to newEpoch: String, at time: Timestamp) async throws -> RetiredEpoch
    /// The server's own replica id, under which admin commands write records.
    func serverReplica() async throws -> ReplicaID

    /// Creates a cohort; throws `StoreError.conflict` when it exists.
    func createCohort(named name: String, at time: Timestamp) async throws -> CohortInfo
    /// All cohorts, by name.
    func cohorts() async throws -> [CohortInfo]
    /// The cohort named `name`, if it exists.
    func cohort(named name: String) async throws -> CohortInfo?

    /// Stores a new enrollment code (only its hash).
    func addEnrollmentCode(_ code: NewEnrollmentCode) async throws
    /// Consumes the code with `codeHash` and creates the device in one transaction.
    ///
    /// Throws `StoreError.invalidCode` for an unknown, used or expired code and
    /// `StoreError.conflict` when the replica id is taken.
    func enroll(codeHash: Data, device: NewDevice, at time: Timestamp) async throws -> DeviceInfo
    /// The device with `id` and its token hash, revoked or not.
    func credential(deviceID: String) async throws -> DeviceCredential?
    /// The devices of `cohort`, or of every cohort when nil, oldest first.
    func devices(cohort: String?) async throws -> [DeviceInfo]
    /// Revokes a device (idempotently) and returns it; nil when there is no such device.
    func revokeDevice(id: String, at time: Timestamp) async throws -> DeviceInfo?
    /// The roles under which each person of `cohort` holds a device or was given an enrollment code, by name.
    func enrolledRoles(cohort: String) async throws -> [String: Set<Role>]
    /// The owner of each replica id that belongs to an enrolled device, revoked or not.
    func owners(ofReplicas replicas: Set<ReplicaID>) async throws -> [ReplicaID: ReplicaOwner]

    /// Publishes a survey version; throws `StoreError.conflict` when that version exists.
    func publishSurvey(_ survey: PublishedSurvey) async throws
    /// The published surveys of `cohort`, every version, by id then version.
    func surveys(cohort: String) async throws -> [PublishedSurvey]

    /// Loads the stored states of `ids`, lets `plan` decide, and writes the plan's states with
    /// new feed sequences, all in one transaction; a thrown error writes nothing.
    ///
    /// Each write stores the plan's origin for it (`BatchPlan.origins`), or none.
    func commitBatch(
        ids: [UUID], requestEpoch: String?, at time: Timestamp,
        plan: @escaping @Sendable (BatchSnapshot) throws -> BatchPlan
    ) async throws -> BatchOutcome
    /// The records of `scope` changed after `sequence`, oldest change first, at most `limit` feed
    /// entries; entries whose origin is `reader` (a device id) are counted and passed by the cursor
    /// but their states left out. A nil `reader` (reports, exports) sees every state.
    func changes(in scope: ReadScope, after sequence: Int64, limit: Int, reader: String?) async throws
        -> StoredChangesPage

    /// Removes what else the store keeps of the erased records `ids` (their relay notes) and
    /// reclaims the space their old states took: SQLite checkpoints and truncates its WAL (with
    /// `secure_delete` on, freed pages are zeroed); PostgreSQL vacuums the records table. Call it
    /// after committing erased states; it is idempotent.
    func scrubErased(ids: [UUID]) async throws

    /// Stores a one-time dashboard login link (only its hash); may drop expired links.
    ///
    /// Throws `StoreError.notFound` when the cohort does not exist.
    func addDashboardLink(_ link: NewDashboardLink) async throws
    /// Consumes the link with `linkHash` and creates `session` for its cohort and trainer, in
    /// one transaction; may drop expired sessions.
    ///
    /// Throws `StoreError.invalidLink` for an unknown, used or expired link, and for one whose
    /// device has been revoked since it asked for the link.
    func redeemDashboardLink(linkHash: Data, session: NewDashboardSession, at time: Timestamp) async throws
        -> DashboardSession
    /// The session whose cookie hashes to `tokenHash`, when it has not expired at `time` and the
    /// device that made its link (when a device made it) is not revoked.
    func dashboardSession(tokenHash: Data, at time: Timestamp) async throws -> DashboardSession?

    /// Appends `event` to the audit trail; events are never changed or removed.
    func recordAudit(_ event: AuditEvent) async throws
    /// The audit trail, oldest first: only `cohort`'s events and the server-wide ones when `cohort` is given,
    /// only those at or after `since` when it is given.
    func auditEvents(cohort: String?, since: Timestamp?) async throws -> [AuditEvent]
    /// The secret behind participants' pseudonyms in exports: 32 bytes of `random`, stored in `meta` on first
    /// use and the same ever after (also when instances ask at once).
    func pseudonymSecret(random: any RandomSource) async throws -> Data
}
