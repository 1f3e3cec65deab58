import Foundation

/// Where a response stands in interview order: by `_createdAt` (missing first), then by id.
struct ResponseOrder: Comparable, Sendable {
    /// `_createdAt`, or `Int64.min` when missing.
    var start: Int64
    /// The id's text, to break ties.
    var id: String

    /// The order key of `record`.
    init(_ record: Record) {
        if case .integer(let value)? = record.value(of: ResponseField.createdAt) { start = value } else { start = .min }
        id = record.id.uuidString
    }

    /// Earlier start first, then smaller id.
    static func < (lhs: ResponseOrder, rhs: ResponseOrder) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.id < rhs.id
    }
}
