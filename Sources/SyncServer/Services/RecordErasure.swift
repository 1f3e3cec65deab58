import Foundation
import SyncModel

/// Erasure (Art. 17 DSGVO) and retention, for both backends: erasing a record, purging a cohort,
/// and re-applying the erasure journal after a restore or a migration.
///
/// Every erasure is written as a new erased state with a new feed sequence, so every device pulls
/// it and drops the content (an erased state absorbs every other state of the record, see
/// docs/PROTOCOL.md). After the commit, the erased states are appended to the ``ErasureJournal``
/// and the store scrubs what is left of the old states (`RecordStore.scrubErased(ids:)`).
struct RecordErasure: Sendable {
    /// Who erases when a purge or a journal replay writes: the operator at the server.
    static var operatorName: String { "syncserver" }

    /// The store.
    let store: any RecordStore
    /// Clock, randomness and logger.
    let environment: ServerEnvironment

    /// Erases the record `id` of `cohort` as `erasedBy`; returns the erased state.
    ///
    /// Erasing an erased record again changes nothing and returns it. Throws
    /// ``AdministrationError/unknownRecord(id:cohort:)`` when the cohort holds no such record.
    func erase(id: UUID, cohort: String, erasedBy: String, reason: String = Erasure.onRequest) async throws
        -> SyncModel.Record
    {
        try await CohortAdministration.requireCohort(cohort, in: store)
        let erasure = Erasure(erasedBy: erasedBy, erasedAt: environment.clock.now(), reason: reason)
        let result = try await eraseRecords([id], cohort: cohort, erasure: erasure) { _ in true }
        guard let record = result.erased.first ?? result.alreadyErased.first else {
            throw AdministrationError.unknownRecord(id: id.uuidString, cohort: cohort)
        }
        return record
    }

    /// The stored state of the record `id` of `cohort`, to say what an erasure will erase; throws
    /// ``AdministrationError/unknownRecord(id:cohort:)`` when the cohort holds no such record.
    func record(id: UUID, cohort: String) async throws -> SyncModel.Record {
        try await CohortAdministration.requireCohort(cohort, in: store)
        let found = Latest<SyncModel.Record>()
        _ = try await store.commitBatch(ids: [id], requestEpoch: nil, at: environment.clock.now()) { snapshot in
            found.value = snapshot.existing[id]
            return BatchPlan(results: [], writes: [], relays: [])
        }
        guard let record = found.value, record.cohort == cohort else {
            throw AdministrationError.unknownRecord(id: id.uuidString, cohort: cohort)
        }
        return record
    }

    /// What a purge would erase or erased, per collection.
    struct PurgeCounts: Codable, Equatable, Sendable {
        /// The cohort.
        var cohort: String
        /// Records erased (or to erase) per collection.
        var erased: [String: Int]
        /// Records that were erased before and stay as they are.
        var alreadyErased: Int

        /// All records erased (or to erase).
        var total: Int { erased.values.reduce(0, +) }
    }

    /// The records of `cohort` that `purge` would erase: the deleted ones whose deletion is older
    /// than `deletedBefore`, or, when nil, every record.
    func purgeCandidates(cohort: String, deletedBefore: Timestamp?) async throws -> (ids: [UUID], counts: PurgeCounts) {
        try await CohortAdministration.requireCohort(cohort, in: store)
        var ids: [UUID] = []
        var counts = PurgeCounts(cohort: cohort, erased: [:], alreadyErased: 0)
        var after: Int64 = 0
        while true {
            let page = try await store.changes(in: .cohort(cohort), after: after, limit: 1000, reader: nil)
            for record in try page.records() {
                if record.isErased {
                    counts.alreadyErased += 1
                } else if Self.isPurged(record, deletedBefore: deletedBefore) {
                    ids.append(record.id)
                    counts.erased[record.collection, default: 0] += 1
                }
            }
            guard page.hasMore else { break }
            after = page.cursor
        }
        return (ids, counts)
    }

    /// Erases what ``purgeCandidates(cohort:deletedBefore:)`` lists, re-checking each record in
    /// the write transaction (a record restored meanwhile is kept). Repeatable: a second run erases nothing.
    func purge(cohort: String, deletedBefore: Timestamp?) async throws -> PurgeCounts {
        let (ids, planned) = try await purgeCandidates(cohort: cohort, deletedBefore: deletedBefore)
        let erasure = Erasure(
            erasedBy: Self.operatorName, erasedAt: environment.clock.now(),
            reason: deletedBefore == nil ? Erasure.courseEnded : Erasure.retention)
        let result = try await eraseRecords(ids, cohort: cohort, erasure: erasure) {
            Self.isPurged($0, deletedBefore: deletedBefore)
        }
        var counts = PurgeCounts(
            cohort: cohort, erased: [:], alreadyErased: planned.alreadyErased + result.alreadyErased.count)
        for record in result.erased { counts.erased[record.collection, default: 0] += 1 }
        environment.logger.info(
            "Purged records", metadata: ["cohort.name": "\(cohort)", "sync.erased": "\(counts.total)"])
        return counts
    }

    /// Applies every erasure of the journal to the store: records it holds become erased (with a
    /// new feed sequence) unless they already are, and records it lacks (created after the backup
    /// that was restored) are stored erased, so that a device's old copy cannot bring them back.
    /// Idempotent; returns how many records it changed.
    /// `journal` defaults to the store's own; `syncserver migrate` passes the SQLite source's.
    @discardableResult
    func reapplyJournal(_ journal: ErasureJournal? = nil) async throws -> Int {
        guard let journal = journal ?? store.erasureJournal else { return 0 }
        let (entries, skipped) = try journal.entries()
        if skipped > 0 {
            environment.logger.warning(
                "Skipped unreadable lines of the erasure journal", metadata: ["journal.skipped": "\(skipped)"])
        }
        if journal.path != store.erasureJournal?.path {
            // Carried over, so that the destination's own journal keeps the erasures from now on.
            try store.erasureJournal?.append(entries)
        }
        var latest: [UUID: SyncModel.Record] = [:]
        for entry in entries {
            latest[entry.id] = (try? latest[entry.id]?.merging(entry)) ?? latest[entry.id] ?? entry
        }
        let all = Array(latest.values)
        var changed: [UUID] = []
        let time = environment.clock.now()
        for chunk in stride(from: 0, to: all.count, by: SyncProtocol.maximumPushRecords) {
            let part = Array(all[chunk..<min(chunk + SyncProtocol.maximumPushRecords, all.count)])
            let outcome = try await store.commitBatch(ids: part.map(\.id), requestEpoch: nil, at: time) { snapshot in
                var writes: [SyncModel.Record] = []
                for entry in part {
                    if let stored = snapshot.existing[entry.id] {
                        // A journal line whose identity differs from the stored record is not this record's.
                        guard let merged = try? stored.merging(entry), merged != stored else { continue }
                        writes.append(merged)
                    } else {
                        writes.append(entry)
                    }
                }
                return BatchPlan(results: [], writes: writes, relays: [])
            }
            changed += outcome.plan.writes.map(\.id)
        }
        if !changed.isEmpty {
            try await store.scrubErased(ids: changed)
            environment.logger.notice(
                "Re-applied erasures from the journal", metadata: ["sync.erased": "\(changed.count)"])
        }
        return changed.count
    }

    /// Journals and scrubs the erased states among the `writes` a push has just committed (a
    /// trainer's `fieldclient erase`), and journals again the erased states it accepted unchanged
    /// (`acceptedErasures`): a push retried after its journal write failed then journals it.
    func recordCommitted(_ writes: [SyncModel.Record], acceptedErasures: [SyncModel.Record] = []) async throws {
        let erased = writes.filter(\.isErased)
        let written = Set(erased.map(\.id))
        let journaled = erased + acceptedErasures.filter { $0.isErased && !written.contains($0.id) }
        guard !journaled.isEmpty else { return }
        try store.erasureJournal?.append(journaled)
        guard !erased.isEmpty else { return }
        try await store.scrubErased(ids: erased.map(\.id))
        environment.logger.info("Erased records", metadata: ["sync.erased": "\(erased.count)"])
    }

    /// Whether a purge erases `record`: every record when `deletedBefore` is nil, else a deleted
    /// record whose newest deletion is older than `deletedBefore`.
    static func isPurged(_ record: SyncModel.Record, deletedBefore: Timestamp?) -> Bool {
        guard !record.isErased else { return false }
        guard let deletedBefore else { return true }
        guard record.isDeleted, let deletedAt = record.deletion.siblings.map(\.timestamp).max() else { return false }
        return deletedAt < deletedBefore
    }

    /// The erased and already erased states of a batch erasure.
    private struct Result: Sendable {
        var erased: [SyncModel.Record] = []
        var alreadyErased: [SyncModel.Record] = []
    }

    /// Erases the stored records of `cohort` among `ids` that pass `include`, in chunks of one
    /// transaction each, then journals and scrubs them.
    private func eraseRecords(
        _ ids: [UUID], cohort: String, erasure: Erasure, include: @escaping @Sendable (SyncModel.Record) -> Bool
    ) async throws -> Result {
        let replica = try await store.serverReplica()
        let time = environment.clock.now()
        var result = Result()
        for chunk in stride(from: 0, to: ids.count, by: SyncProtocol.maximumPushRecords) {
            let part = Array(ids[chunk..<min(chunk + SyncProtocol.maximumPushRecords, ids.count)])
            let already = Latest<[SyncModel.Record]>()
            let outcome = try await store.commitBatch(ids: part, requestEpoch: nil, at: time) { snapshot in
                var writes: [SyncModel.Record] = []
                var erasedBefore: [SyncModel.Record] = []
                for id in part {
                    guard var record = snapshot.existing[id] else { continue }
                    guard record.cohort == cohort else { continue }
                    if record.isErased {
                        erasedBefore.append(record)
                        continue
                    }
                    guard include(record) else { continue }
                    record.erase(erasure, by: replica)
                    writes.append(record)
                }
                already.value = erasedBefore
                return BatchPlan(results: [], writes: writes, relays: [])
            }
            result.erased += outcome.plan.writes
            result.alreadyErased += already.value ?? []
        }
        // Erased before: journaled again (harmless), so running an erasure twice repairs a missing line.
        try store.erasureJournal?.append(result.erased + result.alreadyErased)
        if !result.erased.isEmpty { try await store.scrubErased(ids: result.erased.map(\.id)) }
        return result
    }
}
