import Foundation
import SyncModel

/// Decides, purely, what happens to each record of a push: authorization, identity,
/// replica rules, survey validation and the merge.
///
/// ``plan(_:prechecks:snapshot:)`` runs inside the store's write transaction on the stored
/// states, so it must not do I/O. What depends only on the sent states (their structure and
/// their survey validation, most of the work) is computed before, outside the transaction, by
/// ``precheck(_:)``, so that one push's checks do not hold up another's writes. Each record is
/// judged on its own: a rejection never affects the others.
struct PushPlanner: Sendable {
    /// The largest step by which a device's own counter may grow past the stored one in one push.
    static let maximumCounterJump: UInt64 = 1_000_000

    /// The pushing device.
    let device: DeviceInfo
    /// The cohort's published surveys.
    let surveys: [SurveyKey: SurveyDefinition]
    /// The owner of each other replica named in the push that belongs to an enrolled device.
    let replicaOwners: [ReplicaID: ReplicaOwner]
    /// The epoch named by the request.
    let requestEpoch: String?

    /// What can be judged of one sent state without the stored one.
    struct Precheck: Sendable {
        /// The structure error of the sent state, if any.
        var structureError: ErrorDetail?
        /// The survey validation error of the sent state (nil when valid); used when the merged
        /// state equals the sent one, e.g. for every new record.
        var validationError: ErrorDetail?
        /// The stored form of the sent state, when it is valid; stored as is when the merged
        /// state equals the sent one.
        var encoded: Data?
    }

    /// The checks of `records` that need no stored state, one per record in order; pure, so
    /// they run before the write transaction.
    func precheck(_ records: [Record]) -> [Precheck] {
        records.map { sent in
            do throws(RecordError) {
                try sent.checkStructure()
            } catch {
                return Precheck(structureError: ErrorDetail(.invalidRecord, error.message), validationError: nil)
            }
            let validationError = validate(sent)
            return Precheck(
                structureError: nil, validationError: validationError,
                encoded: validationError == nil ? StoredState.encode(sent) : nil)
        }
    }

    /// Plans the batch against the stored states in `snapshot`; `prechecks` are ``precheck(_:)``
    /// of the same records, computed before the transaction.
    func plan(_ records: [Record], prechecks: [Precheck], snapshot: BatchSnapshot) -> BatchPlan {
        precondition(prechecks.count == records.count, "one precheck per record")
        var working = snapshot.existing
        var writes: [UUID: Record] = [:]
        var order: [UUID] = []
        var relays: [UUID: Set<ReplicaID>] = [:]
        var origins: [UUID: String] = [:]
        var encodedStates: [UUID: Data] = [:]
        var results: [PushResult] = []
        results.reserveCapacity(records.count)
        for (index, sent) in records.enumerated() {
            let judged = judge(
                sent, precheck: prechecks[index], stored: working[sent.id], relayAllowed: snapshot.requestEpochIsRetired)
            switch judged {
            case .failure(let error):
                results.append(.makeRejected(id: sent.id, error))
            case .success(let decision):
                results.append(.makeAccepted(sent: sent, merged: decision.merged))
                guard decision.changed else { continue }
                if writes[sent.id] == nil { order.append(sent.id) }
                working[sent.id] = decision.merged
                writes[sent.id] = decision.merged
                // The device holds what it sent, or a later edit of it: it need not read it back.
                origins[sent.id] = decision.isSent ? device.id : nil
                encodedStates[sent.id] = decision.isSent ? prechecks[index].encoded : nil
                if !decision.relayed.isEmpty { relays[sent.id, default: []].formUnion(decision.relayed) }
            }
        }
        let notes = order.compactMap { id in
            relays[id].map {
                RelayNote(recordID: id, deviceID: device.id, epoch: requestEpoch ?? "", replicas: $0.sorted())
            }
        }
        return BatchPlan(
            results: results, writes: order.map { writes[$0]! }, relays: notes, origins: origins,
            encodedStates: encodedStates)
    }

    /// The outcome for one record that is accepted.
    private struct Decision {
        var merged: Record
        var changed: Bool
        /// Whether the merged state is exactly the sent one (always for a new record).
        var isSent: Bool
        var relayed: [ReplicaID]
    }

    private func judge(
        _ sent: Record, precheck: Precheck, stored: Record?, relayAllowed: Bool
    ) -> Result<Decision, ErrorDetail> {
        if let error = precheck.structureError { return .failure(error) }
        if let stored {
            // Judge access by the stored identity first, so that nothing about records out of
            // scope leaks through identity messages.
            if let error = checkScope(stored) { return .failure(error) }
            do throws(RecordError) {
                try stored.checkSameIdentity(as: sent)
            } catch {
                return .failure(ErrorDetail(.identityChanged, error.message))
            }
        }
        if let error = checkScope(sent) { return .failure(error) }
        if let error = checkShape(sent) { return .failure(error) }
        if sent.isErased && device.role != .trainer && stored?.isErased != true {
            return .failure(
                ErrorDetail(
                    .forbidden,
                    "Record \(sent.id.uuidString) arrives erased, but only a trainer or the operator may erase a record. "
                        + "Ask your trainer to erase it with 'fieldclient erase'."))
        }
        let base = stored?.version ?? VersionVector()
        var foreign: [ReplicaID] = []
        for replica in sent.version.replicas where sent.version[replica] > base[replica] {
            if replica == device.replicaId {
                if sent.version[replica] - base[replica] > Self.maximumCounterJump {
                    return .failure(
                        ErrorDetail(
                            .invalidRecord,
                            "Record \(sent.id.uuidString) jumps this device's counter from \(base[replica]) to "
                                + "\(sent.version[replica]); no device makes that many edits. The record state is corrupt."))
                }
            } else {
                foreign.append(replica)
            }
        }
        if !foreign.isEmpty {
            let sameCohort = foreign.allSatisfy { replicaOwners[$0] == nil || replicaOwners[$0]?.cohort == device.cohort }
            // A person's earlier device (revoked, then joined again with its store) hands its unsent writes on.
            let earlierDevice = foreign.allSatisfy { replicaOwners[$0] == ReplicaOwner(of: device) }
            guard (relayAllowed && sameCohort) || earlierDevice else {
                return .failure(
                    ErrorDetail(
                        .foreignReplica,
                        "Record \(sent.id.uuidString) has writes by replica \(foreign[0]) that the server does not have. "
                            + "A device may only send new writes under its own replica id \(device.replicaId)."))
            }
        }
        let merged: Record
        let isSent: Bool
        if let stored {
            do throws(RecordError) {
                merged = try stored.merging(sent)
            } catch {
                return .failure(ErrorDetail(.identityChanged, error.message))
            }
            isSent = merged == sent
        } else {
            merged = sent
            isSent = true
        }
        let changed = merged != stored
        if changed, let error = LogFieldRules(device: device).check(sent: sent, stored: stored, merged: merged) {
            return .failure(error)
        }
        if changed {
            let error = isSent ? precheck.validationError : validate(merged)
            if let error { return .failure(error) }
        }
        return .success(Decision(merged: merged, changed: changed, isSent: isSent, relayed: foreign))
    }

    /// Who may write what: the own cohort only; a participant only their own responses and the
    /// shared collections.
    private func checkScope(_ record: Record) -> ErrorDetail? {
        guard record.cohort == device.cohort else {
            return ErrorDetail(
                .forbidden,
                "Record \(record.id.uuidString) is not part of cohort '\(device.cohort)', the cohort of this device. "
                    + "Nobody reads or writes across cohorts.")
        }
        if device.role == .participant && !RecordCollection.isShared(record.collection) && record.owner != device.participant {
            return ErrorDetail(
                .forbidden,
                "Record \(record.id.uuidString) is another participant's response. A participant writes only their own "
                    + "responses and the shared collections.")
        }
        return nil
    }

    /// The collection and survey fields must fit the collection.
    private func checkShape(_ record: Record) -> ErrorDetail? {
        guard RecordCollection.all.contains(record.collection) else {
            return ErrorDetail(
                .unknownCollection,
                "Collection '\(record.collection.prefix(60))' does not exist. Use one of: "
                    + RecordCollection.all.sorted().joined(separator: ", ") + ".")
        }
        guard !record.owner.isEmpty else {
            return ErrorDetail(.invalidRecord, "Record \(record.id.uuidString) has an empty owner.")
        }
        if record.collection == RecordCollection.responses {
            guard let survey = record.survey, let version = record.surveyVersion else {
                return ErrorDetail(
                    .unknownSurvey, "Response \(record.id.uuidString) names no survey and version. Set both.")
            }
            guard surveys[SurveyKey(id: survey, version: version)] != nil else {
                return ErrorDetail(
                    .unknownSurvey,
                    "Survey '\(survey.prefix(80))' version \(version) is not published in cohort '\(device.cohort)'. "
                        + "Sync the surveys and record the response with a published version.")
            }
        } else if record.survey != nil || record.surveyVersion != nil {
            return ErrorDetail(
                .invalidRecord, "Record \(record.id.uuidString) of '\(record.collection)' must not name a survey.")
        }
        return nil
    }

    /// Validates a response's shown answers against its survey; deleted and erased responses are not checked.
    private func validate(_ record: Record) -> ErrorDetail? {
        guard record.collection == RecordCollection.responses, !record.isDeleted, !record.isErased,
            let survey = record.survey, let version = record.surveyVersion,
            let definition = surveys[SurveyKey(id: survey, version: version)]
        else { return nil }
        let values = record.values
        let finalized = values[ResponseField.status] == .string(ResponseStatus.final.rawValue)
        let issues = definition.validate(values, finalized: finalized)
        guard !issues.isEmpty else { return nil }
        let questions = issues.map(\.question)
        return ErrorDetail(
            .validationFailed,
            "Response \(record.id.uuidString) has \(issues.count) problem(s) with: \(questions.joined(separator: ", ")). "
                + "Correct the answers and sync again.",
            issues: issues)
    }
}
