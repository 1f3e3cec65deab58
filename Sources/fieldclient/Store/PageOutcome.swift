import Foundation

/// What applying one pulled page changed locally.
struct PageOutcome: Hashable, Sendable {
    /// Records whose identity did not match the local state; they were skipped.
    var skipped: [UUID] = []
    /// Records that became erased; their content is gone from the store.
    var erased: [ErasedRecordNotice] = []
}
