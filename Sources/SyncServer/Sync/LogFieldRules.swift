import Foundation
import SyncModel

/// The server's rules for log fields (visits, withdrawals, review messages), which are written once each.
///
/// Judged on the writes the pushing device itself made that the stored state has not seen
/// (siblings under its replica id that the stored version does not cover):
/// - a log entry that exists already is never written again (`invalidRecord`);
/// - a visit, withdrawal or review message must have its shape and name the pusher as `by`;
/// - a visit is withdrawn only by its visitor or a trainer (`forbidden`);
/// - `ok`, `ask` and `close` only by trainers; `reply` only by the response's owner or a trainer (`forbidden`).
struct LogFieldRules: Sendable {
    /// The pushing device.
    let device: DeviceInfo

    /// The first rule `sent` breaks against `stored`, given the merged state; nil when it keeps them all.
    func check(sent: Record, stored: Record?, merged: Record) -> ErrorDetail? {
        let base = stored?.version ?? VersionVector()
        for (name, register) in sent.fields where sent.isLogField(name) && !VisitField.legacyFields.contains(name) {
            let fresh = register.siblings.filter { $0.dot.replica == device.replicaId && !base.covers($0.dot) }
            guard !fresh.isEmpty else { continue }
            if stored?.fields[name]?.isEmpty == false, VisitField.withdrawalID(name) == nil {
                return ErrorDetail(
                    .invalidRecord,
                    "Record \(sent.id.uuidString) changes the log entry '\(name.prefix(80))', which exists already. "
                        + "Visits and review messages are written once; add a new one instead.")
            }
            for sibling in fresh {
                if let error = checkEntry(name, sibling.value, record: sent, merged: merged) { return error }
            }
        }
        return nil
    }

    private func checkEntry(_ name: String, _ value: FieldValue, record: Record, merged: Record) -> ErrorDetail? {
        let id = record.id.uuidString
        guard case .object(let members) = value, case .integer? = members["at"], members["by"]?.stringValue == device.participant
        else {
            return ErrorDetail(
                .invalidRecord,
                "Record \(id): '\(name.prefix(80))' must be an object with 'at' (milliseconds) and 'by' naming the writer, "
                    + "'\(device.participant)'.")
        }
        if let visitID = VisitField.withdrawalID(name) {
            guard record.collection == RecordCollection.households else { return misplaced(name, record) }
            let visitor = VisitLog(merged).visits.first { $0.id == visitID }?.by
            guard visitor != nil else {
                return ErrorDetail(.invalidRecord, "Record \(id) withdraws visit '\(visitID.prefix(80))', which it does not have.")
            }
            guard device.role == .trainer || visitor == device.participant else {
                return ErrorDetail(
                    .forbidden,
                    "Record \(id): visit '\(visitID.prefix(80))' was made by \(visitor!); only the visitor or a trainer may withdraw it.")
            }
        } else if VisitField.entryID(name) != nil {
            guard record.collection == RecordCollection.households else { return misplaced(name, record) }
            guard let outcome = members["outcome"]?.stringValue, VisitOutcome(rawValue: outcome) != nil else {
                return ErrorDetail(
                    .invalidRecord,
                    "Record \(id): visit '\(name.prefix(80))' needs an 'outcome' of: "
                        + VisitOutcome.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
        } else if let messageID = ReviewField.messageID(name) {
            guard let message = ReviewMessage(id: messageID, value: value), message.role == device.role.rawValue else {
                return ErrorDetail(
                    .invalidRecord,
                    "Record \(id): review message '\(messageID.prefix(80))' needs 'role' '\(device.role.rawValue)' and a 'kind' of "
                        + ReviewKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            if device.role != .trainer {
                if message.kind.isTrainerOnly {
                    return ErrorDetail(
                        .forbidden, "Record \(id): only trainers write review messages of kind '\(message.kind.rawValue)'.")
                }
                if record.owner != device.participant {
                    return ErrorDetail(.forbidden, "Record \(id): only the response's owner or a trainer may reply to its review.")
                }
            }
        }
        return nil
    }

    private func misplaced(_ name: String, _ record: Record) -> ErrorDetail {
        ErrorDetail(.invalidRecord, "Record \(record.id.uuidString): '\(name.prefix(80))' does not belong in '\(record.collection)'.")
    }
}
