import Foundation
import SyncModel

/// A page of the change feed as the store holds it: stored states (binary or, from older
/// servers, JSON), turned into wire JSON only where a response is written.
struct StoredChangesPage: Sendable {
    /// The stored state of each record, oldest change first.
    var states: [Data]
    /// The sequence to resume after.
    var cursor: Int64
    /// Whether more changes follow.
    var hasMore: Bool
    /// The epoch, read in the same snapshot as the page.
    var epoch: String

    /// One feed row as a backend reads it: its sequence, its stored state and its origin.
    typealias Row = (sequence: Int64, state: Data, origin: String?)

    /// The page made of `rows` (up to `limit + 1`, in sequence order) read after `sequence`.
    ///
    /// The origin rule: rows whose origin is `reader` count towards the page and move the cursor,
    /// but their states are left out, since that device sent exactly them. A nil `reader`
    /// (reports, exports) sees every state.
    init(rows: [Row], limit: Int, after sequence: Int64, epoch: String, reader: String?) {
        hasMore = rows.count > limit
        let page = rows.prefix(limit)
        cursor = page.last?.sequence ?? sequence
        states = page.compactMap { row in reader != nil && row.origin == reader ? nil : row.state }
        self.epoch = epoch
    }

    /// The records of the page, decoded from either stored form.
    func records() throws -> [SyncModel.Record] {
        try states.map(StoredState.record(from:))
    }
}
