import Foundation

/// A value bound to a statement's `?` or read from a row's column, in the few types the schema uses.
enum StoreValue: Sendable, Equatable {
    /// NULL.
    case null
    /// A 64-bit integer (PostgreSQL booleans are read as 0 and 1).
    case int(Int64)
    /// Text.
    case text(String)
    /// Bytes.
    case blob(Data)
    /// A record id: text in SQLite, a `uuid` in PostgreSQL. Read back as text.
    case uuid(UUID)

    /// `value` as text, or NULL when it is nil.
    init(_ value: String?) { self = value.map(StoreValue.text) ?? .null }

    /// `value` as an integer, or NULL when it is nil.
    init(_ value: Int64?) { self = value.map(StoreValue.int) ?? .null }
}
