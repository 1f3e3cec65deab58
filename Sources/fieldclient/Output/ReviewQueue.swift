import SyncModel

/// Which responses have review work for whom.
enum ReviewQueue {
    /// Responses (not deleted) whose review question waits for an answer: a participant's own,
    /// or every one for a trainer.
    static func openQuestions(_ records: [Record], device: DeviceIdentity) -> [Record] {
        records.filter { record in
            (device.role == .trainer || record.owner == device.participant) && hasOpenQuestion(record)
        }
    }

    /// Responses (not deleted) waiting for a trainer: final ones not reviewed yet, or with a reply to read.
    static func waiting(_ records: [Record]) -> [Record] {
        records.filter(waitsForTrainer)
    }

    /// Whether `record` is a response (not deleted) whose review question waits for an answer, whoever owns it.
    static func hasOpenQuestion(_ record: Record) -> Bool {
        record.collection == RecordCollection.responses && !record.isDeleted && ReviewThread(record).state.isOpenQuestion
    }

    /// Whether `record` is a response (not deleted) waiting for a trainer: final and not reviewed yet, or with a reply to read.
    static func waitsForTrainer(_ record: Record) -> Bool {
        guard record.collection == RecordCollection.responses, !record.isDeleted else { return false }
        switch ReviewThread(record).state {
        case .none: return record.value(of: ResponseField.status) == .string(ResponseStatus.final.rawValue)
        case .answered: return true
        default: return false
        }
    }
}
