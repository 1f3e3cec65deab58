import SyncModel

/// The store's plain `review` column: where a record stands in review, so that `status` counts
/// open questions and responses waiting for a trainer without opening a sealed state.
/// NULL in the column means not known yet (rows from before the v4-review migration).
enum ReviewMark: String, Sendable {
    /// A response whose review question waits for its interviewer's answer.
    case open
    /// A response waiting for a trainer: final and not reviewed yet, or with a reply to read.
    case waiting
    /// Nothing to do: any other record (households, deleted or erased ones, reviewed or closed threads).
    case none

    /// The mark of `record`, by the rules of ``ReviewQueue``.
    init(_ record: Record) {
        if ReviewQueue.hasOpenQuestion(record) {
            self = .open
        } else if ReviewQueue.waitsForTrainer(record) {
            self = .waiting
        } else {
            self = .none
        }
    }
}
