import Foundation
import SyncModel

/// Reads a whole cohort by paging through the change feed, so that no single query loads it.
struct CohortRecordReader<Store: RecordStore>: Sendable {
    /// Records per page read from the store.
    static var pageSize: Int { 500 }

    /// The store.
    let store: Store
    /// The cohort.
    let cohort: String

    /// Calls `body` with each page of decoded records, oldest change first.
    ///
    /// A record changed while the pages are read can come again in a later page; callers that
    /// must see each record once keep the ids they saw.
    func forEachPage(_ body: ([SyncModel.Record]) async throws -> Void) async throws {
        var cursor: Int64 = 0
        while true {
            let page = try await store.changes(in: .cohort(cohort), after: cursor, limit: Self.pageSize, reader: nil)
            try await body(try page.records())
            guard page.hasMore, page.cursor > cursor else { return }
            cursor = page.cursor
        }
    }

    /// The cohort's report, computed by ``CohortReport/make(records:surveys:timeZone:)`` over the
    /// newest state read of every record.
    func report() async throws -> CohortReport {
        var records: [UUID: SyncModel.Record] = [:]
        try await forEachPage { page in
            for record in page { records[record.id] = record }
        }
        let surveys = try await store.surveys(cohort: cohort).map(\.definition)
        return CohortReport.make(records: records.values, surveys: surveys)
    }
}
