import SyncModel

/// A published survey version as stored, its definition as the exact JSON text.
struct ExportedSurvey: Sendable {
    /// The cohort.
    var cohort: String
    /// The survey id.
    var id: String
    /// The version.
    var version: Int
    /// The canonical JSON definition.
    var definition: String
    /// When it was published.
    var publishedAt: Timestamp

    /// The `surveys` columns of ``values``, in order.
    static let columns = "cohort, id, version, definition, published_at"

    /// The values of ``columns``.
    var values: [StoreValue] {
        [.text(cohort), .text(id), .int(Int64(version)), .text(definition), .int(publishedAt.millisecondsSince1970)]
    }
}

extension ExportedSurvey {
    /// The survey version in a row of ``columns``.
    init(row: StoreRow) throws {
        self.init(
            cohort: try row.text(0), id: try row.text(1), version: Int(try row.int(2)), definition: try row.text(3),
            publishedAt: try row.time(4))
    }
}
